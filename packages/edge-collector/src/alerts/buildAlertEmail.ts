import { createMimeMessage } from 'mimetext/browser';
import type { AlertPayload } from './AlertPayload';
import { formatEmail } from './formats/formatEmail';

/** RFC 2045 keeps base64 lines at 76 characters. */
const wrapBase64 = (encoded: string) => encoded.replace(/.{76}/g, '$&\r\n');

/**
 * An alert as a MIME message (multipart/alternative: plain text, then HTML), ready for
 * `EmailMessage`. The Message-ID is the delivery id, the same on every retry, so a
 * mail client shows a retried alert once; the X-Faultline-* headers match a webhook's.
 */
export function buildAlertEmail(
  payload: AlertPayload,
  addresses: { from: string; to: string },
): string {
  const content = formatEmail(payload);
  const message = createMimeMessage();
  message.setSender({ name: 'Faultline', addr: addresses.from });
  message.setRecipient(addresses.to);
  message.setSubject(content.subject);
  const domain = addresses.from.slice(addresses.from.lastIndexOf('@') + 1);
  message.setHeader('Message-ID', `<${payload.id}@${domain}>`);
  // Out-of-office replies and the like must not answer an automatic message (RFC 3834).
  message.setHeader('Auto-Submitted', 'auto-generated');
  message.setHeader('X-Faultline-Delivery', payload.id);
  message.setHeader('X-Faultline-Event', payload.type);
  for (const [contentType, data] of [
    ['text/plain', content.text],
    ['text/html', content.html],
  ] as const) {
    message.addMessage({
      contentType,
      charset: 'utf-8',
      encoding: 'base64',
      data: wrapBase64(message.toBase64(data)),
    });
  }
  return message.asRaw();
}
