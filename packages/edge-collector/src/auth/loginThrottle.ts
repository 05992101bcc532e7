/** Wrong passwords in a row that are free; each one after them doubles the wait. */
const FREE_FAILURES = 3;
/** Wrong passwords in a row that lock the account for LOCK_MS. */
export const LOCK_AFTER_FAILURES = 10;
const LOCK_MS = 15 * 60_000;

/**
 * When an account may try again after its `failures`-th wrong password in a row:
 * null for the first few, then 1 s, 2 s, 4 s, … (slowing a guesser down), then a
 * 15-minute lock from the tenth on. A right password resets the count.
 */
export function lockedUntilAfter(failures: number, now: number): number | null {
  if (failures >= LOCK_AFTER_FAILURES) return now + LOCK_MS;
  if (failures > FREE_FAILURES) return now + 1000 * 2 ** (failures - FREE_FAILURES - 1);
  return null;
}
