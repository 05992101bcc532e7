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
  /** performance_regression and error_rate: what was measured against what. */
  figures?: {
    metric: string;
    value: number;
    baseline: number | null;
    changePercent: number | null;
    count: number;
    baselineCount: number | null;
  };
  /** performance_regression: the transaction that got slower. */
  transaction?: string;
  /** performance_regression and error_rate: where to look (the performance API). */
  link?: string;
  /** Events of the issue (errors of the project for a spike) since this rule's previous alert. */
  suppressedEvents: number;
}

export interface AlertFrame {
  function: string;
  filename: string;
  lineno: number | null;
  colno: number | null;
}
