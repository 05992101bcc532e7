import type { IRequest } from 'itty-router';
import { storeEventWithAlerts } from '../alerts/storeEventWithAlerts';
import type { Env } from '../env';
import { ClientError } from '../http/ClientError';
import { json } from '../http/json';
import { parseId } from '../http/parseId';
import { authenticateProject } from './authenticateProject';
import { extractPublicKey } from './extractPublicKey';
import { parseEnvelope } from './parseEnvelope';
import { processEvent } from './processEvent';
import { readBody } from './readBody';

const decoder = new TextDecoder();

/** Relay's limit for one event, decompressed. */
const MAX_EVENT_BYTES = 1024 * 1024;

function parseItemJson(payload: Uint8Array, index: number): unknown {
  if (payload.length > MAX_EVENT_BYTES) {
    throw new ClientError(413, `item ${index} is over ${MAX_EVENT_BYTES} bytes`);
  }
  try {
    return JSON.parse(decoder.decode(payload));
  } catch {
    throw new ClientError(400, `invalid envelope: item ${index} payload is not valid JSON`);
  }
}

/** `POST /api/:projectId/envelope/`: authenticates, then stores each event item. */
export async function envelopeRoute(
  request: IRequest,
  env: Env,
  ctx: ExecutionContext,
): Promise<Response> {
  const projectId = parseId(request.params.projectId, 'project');
  const envelope = parseEnvelope(await readBody(request));
  const publicKey = extractPublicKey(request, envelope.header.dsn);
  const key = await authenticateProject(
    env.DB,
    projectId,
    publicKey,
    request.headers.get('Origin'),
  );

  const receivedAt = Date.now();
  let eventId = typeof envelope.header.event_id === 'string' ? envelope.header.event_id : undefined;
  for (const [index, item] of envelope.items.entries()) {
    if (item.header.type !== 'event') continue; // other item types arrive in later versions
    const record = await processEvent(parseItemJson(item.payload, index), {
      projectId,
      receivedAt,
      eventIdHint: envelope.header.event_id,
      clientIp: request.headers.get('CF-Connecting-IP') ?? undefined,
      settings: key.settings,
      salt: key.salt,
    });
    await storeEventWithAlerts(env, ctx, record);
    eventId = record.eventId;
  }
  return json({ id: eventId ?? null });
}
