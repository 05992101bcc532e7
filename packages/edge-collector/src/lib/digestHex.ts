/** The SHA-1 or SHA-256 of bytes or a string's UTF-8, as lowercase hex (Web Crypto). */
export async function digestHex(
  algorithm: 'SHA-1' | 'SHA-256',
  data: Uint8Array | string,
): Promise<string> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const digest = new Uint8Array(await crypto.subtle.digest(algorithm, bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
