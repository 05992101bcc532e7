import type { AlertPayload } from '../AlertPayload';
import { describeFacts, describeFrames } from './describeFrames';
import { truncate } from './truncate';

/** Longest subject kept: base64-encoded UTF-8 it still fits a 998-character header line. */
const SUBJECT_MAX = 150;
/** Texts from events are cut here so one huge message cannot make a huge e-mail. */
const TEXT_MAX = 4000;

/** What an e-mail alert says, before it is written as text or as HTML. */
export interface EmailFacts {
  subject: string;
  /** The one-line summary every format leads with (`New issue in shop: …`). */
  message: string;
  title: string | null;
  culprit: string | null;
  /** `shop · error · unresolved · 12 events · release 1.4.0 · production`. */
  summary: string;
  /** Label and value rows: the figures of a threshold, performance or error-rate alert. */
  figures: [string, string][];
  /** Up to five frames, the crash frame first, one per line. */
  stack: string;
  /** The issue's page in the dashboard, or the performance figures; only http(s). */
  link: { href: string; label: string } | null;
  footer: string;
}

const round = (value: number) => String(Math.round(value * 100) / 100);

function figureRows(payload: AlertPayload): [string, string][] {
  const rows: [string, string][] = [];
  if (payload.threshold) {
    const { count, threshold, windowMinutes } = payload.threshold;
    rows.push(['Counted', `${count} in ${windowMinutes} min (threshold ${threshold})`]);
  }
  if (payload.transaction !== undefined) rows.push(['Transaction', payload.transaction]);
  const figures = payload.figures;
  if (figures) {
    const percent = figures.metric === 'error_rate' ? ' %' : '';
    rows.push(['Metric', figures.metric]);
    rows.push(['Value', `${round(figures.value)}${percent}`]);
    if (figures.baseline !== null) {
      const label = figures.metric === 'error_rate' ? 'Threshold' : 'Baseline';
      rows.push([label, `${round(figures.baseline)}${percent}`]);
    }
    if (figures.changePercent !== null) {
      const sign = figures.changePercent >= 0 ? '+' : '';
      rows.push(['Change', `${sign}${round(figures.changePercent)} %`]);
    }
    rows.push(['Count', String(figures.count)]);
    if (figures.baselineCount !== null)
      rows.push(['Baseline count', String(figures.baselineCount)]);
  }
  if (payload.suppressedEvents > 0) {
    rows.push(['Since the previous alert', `${payload.suppressedEvents} more events`]);
  }
  return rows;
}

function linkOf(payload: AlertPayload): EmailFacts['link'] {
  const href = payload.issue?.url ?? payload.link;
  if (!href || !/^https?:\/\//i.test(href)) return null;
  return { href, label: payload.issue ? 'Open the issue' : 'See the figures' };
}

/**
 * The facts of an alert as the Slack and Discord formats give them (the summary line,
 * the issue's title and culprit, project · level · status · count · release ·
 * environment, the top frames) plus the figures and the link, cut to sane lengths.
 */
export function emailFacts(payload: AlertPayload): EmailFacts {
  const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
  const { issue } = payload;
  const rule = payload.rule ? `rule "${payload.rule.name}"` : 'a test delivery';
  return {
    subject: truncate(oneLine(payload.message), SUBJECT_MAX),
    message: truncate(payload.message, TEXT_MAX),
    title: issue ? truncate(issue.title, TEXT_MAX) : null,
    culprit: issue?.culprit ? truncate(issue.culprit, TEXT_MAX) : null,
    summary: truncate(describeFacts(payload), TEXT_MAX),
    figures: figureRows(payload).map(([label, value]) => [label, truncate(value, TEXT_MAX)]),
    stack: truncate(describeFrames(payload.event?.frames ?? []), TEXT_MAX),
    link: linkOf(payload),
    footer: `Sent by Faultline for ${rule} (delivery ${payload.id}).`,
  };
}
