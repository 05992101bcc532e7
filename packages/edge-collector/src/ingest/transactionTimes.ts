import { ClientError } from '../http/ClientError';
import { parseTimestamp } from '../protocol/parseTimestamp';

/**
 * A transaction's start and end in seconds, or a 400 when either is missing
 * or it ends before it starts. Checked before anything of an envelope is
 * stored, so a bad transaction does not leave half an envelope written.
 */
export function transactionTimes(raw: unknown): { start: number; end: number } {
  const input = (raw ?? {}) as Record<string, unknown>;
  const start = parseTimestamp(input.start_timestamp);
  const end = parseTimestamp(input.timestamp);
  if (start === undefined || end === undefined) {
    throw new ClientError(400, 'transaction needs start_timestamp and timestamp');
  }
  if (end < start) throw new ClientError(400, 'transaction ends before it starts');
  return { start, end };
}
