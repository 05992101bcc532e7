// After a campaign: the collector still answers, and a valid event sent now is stored.
import { randomBytes } from 'node:crypto';

/**
 * Throws unless `/api/health` answers 200 and a fresh valid event is accepted and then
 * found through the read API. Polls, since the event may be stored after the answer
 * (the queue-based ingest stores it in a consumer).
 * @param {{url: string, adminToken: string, projectId: string, publicKey: string, timeoutMs?: number}} target
 * @returns {Promise<string>} the stored event's id
 */
export async function checkCollectorAfterwards({
  url,
  adminToken,
  projectId,
  publicKey,
  timeoutMs = 60_000,
}) {
  const health = await fetch(`${url}/api/health`);
  if (health.status !== 200) throw new Error(`health check answered ${health.status}`);
  const eventId = randomBytes(16).toString('hex');
  const event = { event_id: eventId, platform: 'javascript', message: `after the fuzz ${eventId}` };
  const body = `${JSON.stringify({ event_id: eventId })}\n{"type":"event"}\n${JSON.stringify(event)}\n`;
  const sent = await fetch(`${url}/api/${projectId}/envelope/?sentry_key=${publicKey}`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain' },
    body,
  });
  if (sent.status !== 200)
    throw new Error(`a valid event was answered ${sent.status}: ${await sent.text()}`);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const stored = await fetch(`${url}/api/0/events/${eventId}/`, {
      headers: { Authorization: `Bearer ${adminToken}` },
    });
    if (stored.status === 200) {
      const json = await stored.json();
      if (json.event_id === eventId) return eventId;
    } else await stored.arrayBuffer();
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the valid event ${eventId} was not stored within ${timeoutMs} ms`);
}
