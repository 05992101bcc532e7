import { ClientError } from '../http/ClientError';

/** The numeric project id from a route parameter, or a 400. */
export function parseProjectId(value: string | undefined): number {
  if (!value || !/^\d{1,15}$/.test(value)) {
    throw new ClientError(400, `invalid project id: ${value ?? '(none)'}`);
  }
  return Number(value);
}
