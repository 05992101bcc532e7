import type { IRequest } from 'itty-router';
import type { Env } from '../env';
import { parseId } from '../http/parseId';
import type { KeyRecord } from '../store/projects';
import { authenticateProject } from './authenticateProject';
import { decodeBody } from './decodeBody';
import { MAX_EVENT_BYTES } from './envelopeItems';
import { extractPublicKey } from './extractPublicKey';
import { readBody } from './readBody';
import { requestOrigin } from './requestOrigin';
import { requireContentType } from './requireContentType';

/**
 * What the one-event endpoints (`store/`, `security/`) share: content type,
 * DSN key for this project and origin, then the body decoded within the
 * one-event limit.
 */
export async function readSingleEventRequest(
  request: IRequest,
  env: Env,
  contentTypes: (string | null)[],
): Promise<{ key: KeyRecord; body: Uint8Array }> {
  const projectId = parseId(request.params.projectId, 'project');
  requireContentType(request, contentTypes);
  const key = await authenticateProject(
    env,
    projectId,
    extractPublicKey(request),
    requestOrigin(request),
  );
  const body = decodeBody(
    await readBody(request),
    request.headers.get('Content-Encoding'),
    MAX_EVENT_BYTES,
  );
  return { key, body };
}
