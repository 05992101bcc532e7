import type { WebhookFormat } from '../../store/webhooks';
import type { AlertPayload } from '../AlertPayload';
import { formatDiscord } from './formatDiscord';
import { formatSlack } from './formatSlack';

/** The request body for a webhook of the given format. */
export function renderAlert(format: WebhookFormat, payload: AlertPayload): string {
  if (format === 'slack') return JSON.stringify(formatSlack(payload));
  if (format === 'discord') return JSON.stringify(formatDiscord(payload));
  return JSON.stringify(payload);
}
