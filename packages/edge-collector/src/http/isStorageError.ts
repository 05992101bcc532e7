/**
 * True for errors raised by D1 (its messages start with `D1_`), the storage
 * layer below it, the Queue in front of it, or the runtime losing its link to
 * them: the failures a retry can cure, so they are answered 503.
 */
export function isStorageError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /\bD1_|SQLITE_|database|storage|queue|internal error|network connection lost/i.test(
    message,
  );
}
