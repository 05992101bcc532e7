import { json } from '../http/json';
import { type UploadRequest, uploadGrantOf } from './requireUploadToken';

/** `GET /api/0/` → what `sentry-cli info` checks: the server answers and the token's scopes. */
export function serverInfoRoute(request: UploadRequest): Response {
  return json({ version: '0', auth: { scopes: uploadGrantOf(request).scopes }, user: null });
}
