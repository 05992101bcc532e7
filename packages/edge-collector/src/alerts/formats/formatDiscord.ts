import type { AlertPayload } from '../AlertPayload';
import { describeFacts, describeFrames } from './describeFrames';
import { truncate } from './truncate';

// Discord's embed limits: https://discord.com/developers/docs/resources/message#embed-object-embed-limits
const TITLE_MAX = 256;
const DESCRIPTION_MAX = 4096;
const FIELD_VALUE_MAX = 1024;
const FOOTER_MAX = 2048;
const EMBED_TOTAL_MAX = 6000;

const LEVEL_COLORS: Record<string, number> = {
  fatal: 0x8b0000,
  error: 0xe03e2f,
  warning: 0xf5a623,
  info: 0x3b82f6,
  debug: 0x9ca3af,
};

/**
 * A Discord webhook message with one embed, within Discord's limits (title 256,
 * description 4096, 6000 in all). Mentions are disabled: an error message saying
 * `@everyone` must not ping a whole server.
 */
export function formatDiscord(payload: AlertPayload): unknown {
  const { issue } = payload;
  const title = truncate(issue?.title ?? payload.message, TITLE_MAX);
  const footer = truncate(describeFacts(payload), FOOTER_MAX);
  const frames = payload.event?.frames ?? [];
  const fields = frames.length
    ? [
        {
          name: 'Stack',
          value: `\`\`\`\n${truncate(describeFrames(frames).replaceAll('`', "'"), FIELD_VALUE_MAX - 8)}\n\`\`\``,
        },
      ]
    : [];
  const fixed =
    title.length + footer.length + fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
  const descriptionText = [payload.message, issue?.culprit && `\`${issue.culprit}\``]
    .filter(Boolean)
    .join('\n');
  const description = truncate(descriptionText, Math.min(DESCRIPTION_MAX, EMBED_TOTAL_MAX - fixed));
  return {
    allowed_mentions: { parse: [] },
    embeds: [
      {
        title,
        ...(issue ? { url: issue.url } : {}),
        description,
        color: LEVEL_COLORS[issue?.level ?? ''] ?? LEVEL_COLORS.error,
        fields,
        footer: { text: footer },
        timestamp: payload.firedAt,
      },
    ],
  };
}
