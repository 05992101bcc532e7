import { describe, expect, it } from 'vitest';
import { clampTimestamp } from '../src/ingest/clampTimestamp';
import { normalizeEvent } from '../src/ingest/normalizeEvent';
import { admin, createProject, envelope, sendEnvelope } from './helpers';
import { newEventId } from './issueHelpers';

const RECEIVED = Date.UTC(2026, 5, 1, 12);

describe('clampTimestamp', () => {
  it('keeps a timestamp within a minute ahead and 30 days behind', () => {
    for (const offset of [59, 0, -29 * 86_400]) {
      const event = normalizeEvent({ timestamp: RECEIVED / 1000 + offset }, RECEIVED);
      expect(clampTimestamp(event, RECEIVED)).toBe(event);
    }
  });

  it('moves a far-future timestamp to the receive time and keeps the original, as Relay does', () => {
    const original = RECEIVED / 1000 + 3600;
    const clamped = clampTimestamp(normalizeEvent({ timestamp: original }, RECEIVED), RECEIVED);
    expect(clamped.timestamp).toBe(RECEIVED / 1000);
    expect(clamped.errors).toEqual([
      { type: 'future_timestamp', name: 'timestamp', value: original },
    ]);
  });

  it('moves a timestamp older than 30 days to the receive time and keeps the original', () => {
    const original = RECEIVED / 1000 - 31 * 86_400;
    const clamped = clampTimestamp(normalizeEvent({ timestamp: original }, RECEIVED), RECEIVED);
    expect(clamped.timestamp).toBe(RECEIVED / 1000);
    expect(clamped.errors).toEqual([
      { type: 'past_timestamp', name: 'timestamp', value: original },
    ]);
  });

  it('stores an event sent from a clock years ahead at its receive time', async () => {
    const project = await createProject();
    const eventId = newEventId();
    const before = Date.now();
    const sent = {
      event_id: eventId,
      message: 'from the future',
      timestamp: '2099-01-01T00:00:00Z',
    };
    const response = await sendEnvelope(project, envelope({}, [{ type: 'event' }, sent]));
    expect(response.status).toBe(200);
    const stored = await admin<{ timestamp: number; errors: unknown[] }>(
      `/api/0/events/${eventId}/`,
    );
    expect(stored.timestamp * 1000).toBeGreaterThanOrEqual(before - 1000);
    expect(stored.timestamp * 1000).toBeLessThanOrEqual(Date.now() + 1000);
    expect(stored.errors).toEqual([
      { type: 'future_timestamp', name: 'timestamp', value: Date.UTC(2099, 0, 1) / 1000 },
    ]);
  });
});
