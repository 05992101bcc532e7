import { type Collector, type Project, waitFor } from './collector';

export interface Issue {
  id: string;
  title: string;
  culprit: string;
  level: string;
  status: string;
  count: number;
  firstSeen: string;
  lastSeen: string;
}

export interface Frame {
  function?: string;
  module?: string;
  filename?: string;
  abs_path?: string;
  lineno?: number;
  colno?: number;
  in_app?: boolean;
  vars?: Record<string, unknown>;
}

export interface StoredEvent {
  event_id: string;
  level: string;
  release?: string;
  environment?: string;
  platform?: string;
  message?: unknown;
  logentry?: { message?: string; formatted?: string; params?: unknown[] };
  tags: Record<string, string>;
  user?: Record<string, unknown>;
  contexts?: Record<string, Record<string, unknown>>;
  request?: { url?: string; headers?: Record<string, string> };
  exception?: {
    values: {
      type: string;
      value: string;
      mechanism?: { type?: string; handled?: boolean };
      stacktrace?: { frames: Frame[] };
    }[];
  };
}

/** Waits until the project has an issue whose title matches, then reads its latest event. */
export async function waitForIssue(
  collector: Collector,
  project: Project,
  title: string | RegExp,
): Promise<{ issue: Issue; event: StoredEvent }> {
  const matches = (issue: Issue) =>
    typeof title === 'string' ? issue.title === title : title.test(issue.title);
  const issue = await waitFor(
    async () => {
      const issues = await collector.api<Issue[]>(`/api/0/projects/${project.id}/issues/`);
      return issues.find(matches);
    },
    { what: `an issue titled ${title}` },
  );
  const event = await collector.api<StoredEvent>(`/api/0/issues/${issue.id}/events/latest/`);
  return { issue, event };
}
