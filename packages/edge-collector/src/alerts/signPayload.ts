const encoder = new TextEncoder();

/**
 * `v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>`, the X-Faultline-Signature
 * header. Signing the timestamp with the body lets receivers reject replays: a
 * captured delivery cannot be sent again later with a fresh timestamp.
 */
export async function signPayload(
  secret: string,
  timestamp: number,
  body: string,
): Promise<string> {
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = await crypto.subtle.sign('HMAC', key, encoder.encode(`${timestamp}.${body}`));
  const hex = Array.from(new Uint8Array(mac), (byte) => byte.toString(16).padStart(2, '0'));
  return `v1=${hex.join('')}`;
}
