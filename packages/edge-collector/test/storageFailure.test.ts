import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { Env } from '../src/env';
import worker from '../src/index';
import { BASE, type CreatedProject, createProject, envelope } from './helpers';
import { newEventId, onlyIssue, sendEvent } from './issueHelpers';
import { withTableMissing } from './withTableMissing';

/** Sends an envelope to the Worker running with `environment` instead of its own. */
async function sendWith(project: CreatedProject, environment: Env, body: string) {
  const request = new Request(
    `${BASE}/api/${project.id}/envelope/?sentry_key=${project.publicKey}`,
    { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body },
  );
  const ctx = createExecutionContext();
  const response = await worker.fetch(
    request as Request<unknown, IncomingRequestCfProperties>,
    environment,
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return response;
}

/** The real queue, except that it refuses every message, as a Queue outage would. */
function refusingQueue(): Env['QUEUE'] {
  const refuse = () => Promise.reject(new Error('Queue send failed: service unavailable'));
  return { send: refuse, sendBatch: refuse } as unknown as Env['QUEUE'];
}

function errorEvent(eventId: string) {
  return {
    event_id: eventId,
    platform: 'javascript',
    exception: { values: [{ type: 'TypeError', value: 'cart is undefined' }] },
  };
}

describe('when storage fails at the edge', () => {
  it('answers 503 with Retry-After when the DSN key cannot be read, and takes the resend', async () => {
    const project = await createProject();
    const event = errorEvent(newEventId());
    const body = envelope({ event_id: event.event_id }, [{ type: 'event' }, event]);
    const failed = await sendWith(
      project,
      { ...env, DB: withTableMissing(env.DB, 'project_keys') },
      body,
    );
    expect(failed.status).toBe(503);
    expect(failed.headers.get('Retry-After')).toBe('60');
    expect(((await failed.json()) as { detail: string }).detail).toBe(
      'storage is unavailable, retry later',
    );
    await sendEvent(project, event);
    expect((await onlyIssue(project)).count).toBe(1);
  });

  it('answers 503 with Retry-After when the queue refuses the event, and takes the resend', async () => {
    const project = await createProject();
    const event = errorEvent(newEventId());
    const body = envelope({ event_id: event.event_id }, [{ type: 'event' }, event]);
    const failed = await sendWith(project, { ...env, QUEUE: refusingQueue() }, body);
    expect(failed.status).toBe(503);
    expect(failed.headers.get('Retry-After')).toBe('10');
    expect(failed.headers.get('X-Sentry-Error')).toBe(
      'the ingest queue is unavailable, retry later',
    );
    await sendEvent(project, event);
    expect((await onlyIssue(project)).count).toBe(1);
  });
});
