import type { AlertPayload } from '../AlertPayload';
import { describeFacts, describeFrames } from './describeFrames';
import { truncate } from './truncate';

/** Slack mrkdwn treats &, < and > as control characters (links, mentions). */
function escapeMrkdwn(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/**
 * A Slack incoming-webhook message: `text` for notifications, `blocks` for the
 * channel (section texts stay under Slack's 3000 characters).
 * See https://api.slack.com/messaging/webhooks
 */
export function formatSlack(payload: AlertPayload): unknown {
  const { issue } = payload;
  const heading = issue
    ? `*<${issue.url}|${escapeMrkdwn(truncate(issue.title, 300))}>*${issue.culprit ? `\n\`${escapeMrkdwn(truncate(issue.culprit, 200))}\`` : ''}`
    : `*${escapeMrkdwn(truncate(payload.message, 500))}*`;
  const blocks: unknown[] = [
    {
      type: 'section',
      text: { type: 'mrkdwn', text: escapeMrkdwn(truncate(payload.message, 2900)) },
    },
    { type: 'section', text: { type: 'mrkdwn', text: heading } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(describeFacts(payload)) }] },
  ];
  const frames = payload.event?.frames ?? [];
  if (frames.length > 0) {
    const code = truncate(describeFrames(frames).replaceAll('```', "'''"), 2800);
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: `\`\`\`${escapeMrkdwn(code)}\`\`\`` },
    });
  }
  return { text: escapeMrkdwn(truncate(payload.message, 3000)), blocks };
}
