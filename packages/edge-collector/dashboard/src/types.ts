// The read API's answers, as far as the dashboard uses them.

export interface Project {
  id: string;
  name: string;
  publicKey: string;
  dsn: string;
  allowedOrigins: string[];
  settings: Record<string, unknown>;
}

export interface Issue {
  id: string;
  projectId: string;
  title: string;
  culprit: string;
  level: string;
  platform: string;
  status: 'unresolved' | 'resolved' | 'ignored';
  substatus: string | null;
  isRegressed: boolean;
  statusDetails: Record<string, unknown>;
  count: number;
  userCount: number;
  firstSeen: string;
  lastSeen: string;
  firstRelease: string | null;
  lastRelease: string | null;
  type?: string;
}

export interface TagSummary {
  key: string;
  totalValues: number;
  topValues: { value: string; count: number }[];
}

export interface IssueDetails extends Issue {
  tags: TagSummary[];
  stats: { '24h': [number, number][]; '30d': [number, number][] };
}

/** A stored event: the Sentry event payload plus what the API adds. */
export type StoredEvent = Record<string, unknown> & {
  event_id?: string;
  eventID?: string;
  issueId?: string;
  projectId?: string;
  dateCreated?: string;
};
