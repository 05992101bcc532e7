/** `bytes` random bytes as lowercase hex (32 hex chars for 16 bytes, a DSN key's size). */
export function randomHex(bytes = 16): string {
  const buffer = crypto.getRandomValues(new Uint8Array(bytes));
  return Array.from(buffer, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
