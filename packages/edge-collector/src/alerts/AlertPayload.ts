/**
 * The generic JSON webhook body, documented in WEBHOOKS.md. Slack and Discord
 * messages are rendered from it.
 */
export interface AlertPayload {
  /** The delivery id, also in X-Faultline-Delivery: the same on every retry. */
  id: string;
  /** `alert.<trigger>`, also in X-Faultline-Event. */
  type: string;
  trigger: string;
  /** One line saying what happened, e.g. `New issue in shop: TypeError: …`. */
  message: string;
  firedAt: string;
  rule: { id: string; name: string } | null;
  project: { id: string; name: string };
  issue: {
    id: string;
    title: string;
    culprit: string;
    level: string;
    status: string;
    count: number;
    userCount: number;
    firstSeen: string;
    lastSeen: string;
    url: string;
  } | null;
  event: {
    id: string;
    level: string | null;
    release: string | null;
    environment: string | null;
    tags: Record<string, string>;
    /** Up to five frames, the crash frame first. */
    frames: AlertFrame[];
  } | null;
  /** Threshold triggers: what was counted in the window when the alert fired. */
  threshold: { count: number; threshold: number; windowMinutes: number } | null;
  /** Events of the issue (errors of the project for a spike) since this rule's previous alert. */
  suppressedEvents: number;
}

export interface AlertFrame {
  function: string;
  filename: string;
  lineno: number | null;
  colno: number | null;
}
