/**
 * The one error type for a client's mistake: an HTTP status and a reason the
 * client can act on. `toErrorResponse` turns it into a response in one place.
 */
export class ClientError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ClientError';
  }
}
