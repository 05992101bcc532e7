// Verifying a Faultline webhook: copy this function into your receiver.
import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Checks a delivery's X-Faultline-Timestamp and X-Faultline-Signature against the raw
 * request body (verify before parsing JSON: re-serialized JSON would not match).
 * Returns null when the delivery is authentic and fresh, else the reason to reject it.
 *
 * @param {{secret: string, timestamp: string | undefined, signature: string | undefined,
 *   body: string, toleranceSeconds?: number, now?: number}} input
 */
export function verifyFaultlineSignature({
  secret,
  timestamp,
  signature,
  body,
  toleranceSeconds = 300,
  now = Date.now(),
}) {
  if (!timestamp || !/^\d+$/.test(timestamp)) return 'missing or malformed X-Faultline-Timestamp';
  // A timestamp far from now is a replay of a captured delivery (or a badly wrong clock).
  if (Math.abs(now / 1000 - Number(timestamp)) > toleranceSeconds) return 'timestamp too old';
  const expected = `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
  const given = Buffer.from(String(signature ?? ''));
  if (given.length !== expected.length || !timingSafeEqual(given, Buffer.from(expected))) {
    return 'bad signature';
  }
  return null;
}
