import { admin, type CreatedProject, envelope, sendEnvelope } from './helpers';

let sequence = 0;

/** A fresh 32-hex event id. */
export function newEventId(): string {
  sequence += 1;
  return `${Date.now().toString(16)}${sequence.toString(16)}`.padStart(32, '0').slice(-32);
}

/** Sends one event in an envelope and fails the test unless the collector answers 200. */
export async function sendEvent(
  project: CreatedProject,
  event: Record<string, unknown>,
  headers: HeadersInit = {},
): Promise<void> {
  const body = envelope({ event_id: event.event_id }, [{ type: 'event' }, event]);
  const response = await sendEnvelope(project, body, headers);
  if (response.status !== 200) throw new Error(`${response.status} ${await response.text()}`);
}

export interface IssueJson {
  id: string;
  title: string;
  culprit: string;
  status: string;
  substatus: string | null;
  isRegressed: boolean;
  statusDetails: Record<string, unknown>;
  count: number;
  userCount: number;
  firstSeen: string;
  lastSeen: string;
  firstRelease: string | null;
  lastRelease: string | null;
}

export async function onlyIssue(project: CreatedProject): Promise<IssueJson> {
  const issues = await admin<IssueJson[]>(`/api/0/projects/${project.id}/issues/`);
  if (issues.length !== 1) throw new Error(`expected one issue, found ${issues.length}`);
  return issues[0] as IssueJson;
}

export function setStatus(issueId: string, body: Record<string, unknown>): Promise<IssueJson> {
  return admin<IssueJson>(`/api/0/issues/${issueId}/`, {
    method: 'PUT',
    body: JSON.stringify(body),
  });
}
