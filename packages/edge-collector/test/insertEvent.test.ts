import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { processEvent } from '../src/consumer/processEvent';
import { normalizeEvent } from '../src/ingest/normalizeEvent';
import { insertEvent } from '../src/store/events';
import { updateIssueStatus } from '../src/store/issueChanges';
import type { EventRecord } from '../src/types/EventRecord';
import { browserEvent } from './fixtures/events/browserEvent';
import { createProject } from './helpers';
import { newEventId } from './issueHelpers';

/** Stands in for the alerts branch's outbox: rows written by extra statements in the batch. */
beforeAll(async () => {
  await env.DB.exec(
    'CREATE TABLE IF NOT EXISTS test_outbox (issue_id INTEGER, event_id TEXT, transition TEXT)',
  );
});

function record(projectId: number, eventId = newEventId()): Promise<EventRecord> {
  const receivedAt = Date.now();
  return processEvent(normalizeEvent(browserEvent(eventId), receivedAt), { projectId, receivedAt });
}

/** An outbox row for this ingest, written only when it counted the event and changed status. */
function outboxStatement(event: EventRecord): D1PreparedStatement {
  return env.DB.prepare(
    `INSERT INTO test_outbox (issue_id, event_id, transition)
     SELECT id, ?4, transition FROM issues
     WHERE project_id = ?1 AND fingerprint = ?2 AND ingest_token = ?3 AND transition IS NOT NULL`,
  ).bind(event.projectId, event.fingerprint, event.ingestToken, event.eventId);
}

async function outbox(issueId: number | null) {
  const { results } = await env.DB.prepare('SELECT * FROM test_outbox WHERE issue_id = ?')
    .bind(issueId)
    .all<{ event_id: string; transition: string }>();
  return results.map((row) => row.transition);
}

describe('insertEvent', () => {
  it('reports a new issue, then a counted event, then a resend that changed nothing', async () => {
    const projectId = Number((await createProject()).id);
    const first = await record(projectId);
    const stored = await insertEvent(env.DB, first, [outboxStatement(first)]);
    expect(stored).toMatchObject({
      created: true,
      isNewIssue: true,
      regressed: false,
      eventCount: 1,
    });

    const second = await record(projectId);
    expect(await insertEvent(env.DB, second, [outboxStatement(second)])).toMatchObject({
      issueId: stored.issueId,
      created: true,
      isNewIssue: false,
      eventCount: 2,
    });

    const resend = { ...first, ingestToken: 'another-ingest' };
    expect(await insertEvent(env.DB, resend, [outboxStatement(resend)])).toMatchObject({
      issueId: stored.issueId,
      created: false,
      isNewIssue: false,
      eventCount: 2,
    });
    expect(await outbox(stored.issueId)).toEqual(['new']);
  });

  it('reports a regression and lets extra statements in the same batch see it', async () => {
    const projectId = Number((await createProject()).id);
    const first = await record(projectId);
    const { issueId } = await insertEvent(env.DB, first);
    await updateIssueStatus(env.DB, issueId as number, { status: 'resolved' }, Date.now());
    const next = await record(projectId);
    const stored = await insertEvent(env.DB, next, [outboxStatement(next)]);
    expect(stored).toMatchObject({ created: true, regressed: true, status: 'unresolved' });
    expect(await outbox(issueId)).toEqual(['regressed']);
  });

  it('stores the payload compressed, a few times smaller than its JSON', async () => {
    const projectId = Number((await createProject()).id);
    const event = await record(projectId);
    await insertEvent(env.DB, event);
    const row = await env.DB.prepare(
      'SELECT length(payload) + length(payload_gzip) AS bytes FROM events WHERE event_id = ?',
    )
      .bind(event.eventId)
      .first<{ bytes: number }>();
    expect(row?.bytes).toBeLessThan(event.payload.length / 2);
  });
});
