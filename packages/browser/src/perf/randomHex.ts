/** `bytes` random bytes as lowercase hex: 16 make a trace id (32 digits), 8 a span id (16). */
export const randomHex = (bytes: number): string =>
  Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (byte) =>
    (byte + 256).toString(16).slice(1),
  ).join('');
