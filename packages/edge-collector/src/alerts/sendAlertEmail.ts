import { EmailMessage } from 'cloudflare:email';
import type { AlertPayload } from './AlertPayload';
import { buildAlertEmail } from './buildAlertEmail';
import { parseEmailDestination } from './parseEmailDestination';

/** The `send_email` binding and the sender address, from the Worker's env. */
export interface EmailSetup {
  binding: SendEmail | undefined;
  from: string | undefined;
}

/**
 * Sends an alert to an e-mail destination (`mailto:<address>`) through Cloudflare's
 * `send_email` binding. A refused or failed send comes back as an error, to be
 * retried as a webhook's failure is.
 */
export async function sendAlertEmail(
  payload: AlertPayload,
  url: string,
  setup: EmailSetup,
): Promise<{ error?: string }> {
  const to = parseEmailDestination(url);
  if ('problem' in to) return { error: `address ${to.problem}` };
  if (!setup.binding) {
    return { error: 'no send_email binding named EMAIL is configured (see WEBHOOKS.md)' };
  }
  const from = parseEmailDestination(setup.from ?? '');
  if ('problem' in from) return { error: `FAULTLINE_EMAIL_FROM ${from.problem}` };
  const raw = buildAlertEmail(payload, { from: from.address, to: to.address });
  try {
    await setup.binding.send(new EmailMessage(from.address, to.address, raw));
    return {};
  } catch (error) {
    return { error: `send_email: ${error instanceof Error ? error.message : String(error)}` };
  }
}
