import { ClientError } from './ClientError';

/** A numeric id from a route parameter, or a 400 naming what it should identify. */
export function parseId(value: string | undefined, what: string): number {
  if (!value || !/^\d{1,15}$/.test(value)) throw new ClientError(400, `invalid ${what} id`);
  return Number(value);
}
