import type { AlertPayload } from '../AlertPayload';
import { describeFacts, describeFrames } from './describeFrames';
import { truncate } from './truncate';

/** Slack's limit on a section's or a context element's text. */
const TEXT_MAX = 3000;

/** Slack mrkdwn treats &, < and > as control characters (links, mentions). */
function escapeMrkdwn(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/**
 * `text` escaped, then cut to `max`: escaping can make it five times longer (`<` is
 * `&lt;`), so cutting first could still break Slack's limit. Never cuts an entity.
 */
function slackText(text: string, max: number): string {
  const escaped = escapeMrkdwn(text);
  if (escaped.length <= max) return escaped;
  let cut = truncate(escaped, max).slice(0, -1);
  const amp = cut.lastIndexOf('&');
  if (amp !== -1 && amp > cut.length - 5 && !cut.slice(amp).includes(';')) cut = cut.slice(0, amp);
  return `${cut}…`;
}

/**
 * A Slack incoming-webhook message: `text` for notifications, `blocks` for the
 * channel (section texts stay under Slack's 3000 characters).
 * See https://api.slack.com/messaging/webhooks
 */
export function formatSlack(payload: AlertPayload): unknown {
  const { issue } = payload;
  const heading = issue
    ? `*<${issue.url}|${slackText(issue.title, 1500)}>*${issue.culprit ? `\n\`${slackText(issue.culprit.replaceAll('`', "'"), 1000)}\`` : ''}`
    : `*${slackText(payload.message, 2000)}*`;
  const blocks: unknown[] = [
    { type: 'section', text: { type: 'mrkdwn', text: slackText(payload.message, TEXT_MAX) } },
    { type: 'section', text: { type: 'mrkdwn', text: heading } },
    {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: slackText(describeFacts(payload), TEXT_MAX) }],
    },
  ];
  const frames = payload.event?.frames ?? [];
  if (frames.length > 0) {
    const code = slackText(describeFrames(frames).replaceAll('```', "'''"), TEXT_MAX - 6);
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `\`\`\`${code}\`\`\`` } });
  }
  return { text: slackText(payload.message, TEXT_MAX), blocks };
}
