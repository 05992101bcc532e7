const encoder = new TextEncoder();

/**
 * Workers refuse PBKDF2 above 100,000 iterations ("Pbkdf2 failed: iteration counts
 * above 100000 are not supported"), so that is the count: the most the platform allows.
 */
export const PBKDF2_ITERATIONS = 100_000;

const toHex = (bytes: ArrayBuffer | Uint8Array) =>
  Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, '0')).join('');

const fromHex = (hex: string) =>
  new Uint8Array((hex.match(/../g) ?? []).map((pair) => Number.parseInt(pair, 16)));

export interface PasswordHash {
  hash: string;
  salt: string;
  iterations: number;
}

/** PBKDF2-SHA256 of a password: 32 bytes, hex, with a new 16-byte salt unless one is given. */
export async function hashPassword(
  password: string,
  salt = toHex(crypto.getRandomValues(new Uint8Array(16))),
  iterations = PBKDF2_ITERATIONS,
): Promise<PasswordHash> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(password), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: fromHex(salt), iterations },
    key,
    256,
  );
  return { hash: toHex(bits), salt, iterations };
}

/** Whether `password` matches a stored hash; compared in constant time. */
export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  const { hash } = await hashPassword(password, stored.salt, stored.iterations);
  const given = fromHex(hash);
  const expected = fromHex(stored.hash);
  return given.length === expected.length && crypto.subtle.timingSafeEqual(given, expected);
}
