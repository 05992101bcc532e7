/** True for errors raised by D1 (its messages start with `D1_`) or the storage layer below it. */
export function isStorageError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /\bD1_|SQLITE_|database|storage/i.test(message);
}
