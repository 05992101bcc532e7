import { describe, expect, it } from 'vitest';
import { DEFAULT_PROJECT_SETTINGS } from '../../src/projects/ProjectSettings';
import type { IngestMessage } from '../../src/types/IngestMessage';
import {
  admin,
  type CreatedProject,
  createProject,
  sendEnvelope,
  waitUntilIngested,
} from '../helpers';
import { consumeBatch } from '../queueHelpers';
import { ENVELOPES, itemPayload } from './fixtureItems';

interface CapturedSpan {
  trace_id: string;
  span_id: string;
  is_segment?: boolean;
  end_timestamp: number;
  attributes: Record<string, { value: unknown }>;
}

interface VitalJson {
  p75: number | null;
  rating: string | null;
  good: number;
  needsImprovement: number;
  poor: number;
  count: number;
}

interface RowJson {
  name: string;
  op: string;
  count: number;
  score: number | null;
  vitals: Record<string, VitalJson>;
}

const pageload = itemPayload(ENVELOPES.streamedPageload, 'span') as { items: CapturedSpan[] };
const vitals = itemPayload(ENVELOPES.streamedVitals, 'span') as { items: CapturedSpan[] };
const segment = pageload.items.find((item) => item.is_segment) as CapturedSpan;

/** Each web vital's value as the capture reported it, from whichever span carried it. */
const captured: Record<string, number> = {};
for (const item of [...pageload.items, ...vitals.items]) {
  for (const [key, { value }] of Object.entries(item.attributes)) {
    const vital = /^browser\.web_vital\.(lcp|cls|inp|fcp|ttfb)\.value$/.exec(key)?.[1];
    if (vital && typeof value === 'number') captured[vital] = value;
  }
}

/** The page load's hour, around the capture's time (tests do not depend on the clock). */
const hour = Math.floor(segment.end_timestamp / 3600) * 3600;

async function send(project: CreatedProject, body: string, items: CapturedSpan[]) {
  expect((await sendEnvelope(project, body)).status).toBe(200);
  const [first] = items;
  await waitUntilIngested(Number(project.id), `${first?.trace_id}${first?.span_id}`);
}

async function pageloadRow(project: CreatedProject): Promise<RowJson | undefined> {
  const rows = await admin<RowJson[]>(
    `/api/0/projects/${project.id}/performance/?start=${hour}&end=${hour + 3600}&sort=lcp`,
  );
  expect(rows.length).toBeLessThanOrEqual(1);
  return rows[0];
}

/** A span item as the edge queues it, for delivering the same message again. */
function spanMessage(project: CreatedProject, payload: { items: CapturedSpan[] }): IngestMessage {
  const [first] = payload.items;
  const receivedAt = Math.round(segment.end_timestamp * 1000);
  return {
    key: `${first?.trace_id}${first?.span_id}`,
    sender: {
      projectId: Number(project.id),
      receivedAt,
      settings: DEFAULT_PROJECT_SETTINGS,
      salt: 'test-salt',
    },
    item: { kind: 'spans', key: `${first?.trace_id}${first?.span_id}`, payload },
    outcomes: [],
  };
}

function expectCapturedVitals(row: RowJson | undefined) {
  expect(row).toMatchObject({ name: '/orders/*', op: 'pageload', count: 1 });
  for (const vital of ['lcp', 'cls', 'inp', 'fcp', 'ttfb']) {
    const figures = row?.vitals[vital];
    const value = captured[vital] as number;
    // The aggregates' sketch keeps every quantile within 1 % of the value.
    expect(Math.abs((figures?.p75 ?? 0) - value)).toBeLessThanOrEqual(value * 0.01);
    expect(figures?.count).toBe(1);
    expect((figures?.good ?? 0) + (figures?.needsImprovement ?? 0) + (figures?.poor ?? 0)).toBe(1);
  }
  // CLS 0.44 is poor, LCP 1.6 s good: web.dev's thresholds.
  expect(row?.vitals.cls?.rating).toBe('poor');
  expect(row?.vitals.lcp?.rating).toBe('good');
  expect(row?.score).toEqual(expect.any(Number));
}

describe('performance aggregates of @sentry/browser 11 span streams', () => {
  it('counts a streamed page load, then its late LCP, CLS and INP', async () => {
    const project = await createProject('streamed-aggregates');
    await send(project, ENVELOPES.streamedPageload, pageload.items);
    const early = await pageloadRow(project);
    expect(early).toMatchObject({ name: '/orders/*', op: 'pageload', count: 1 });
    expect(early?.vitals.lcp?.p75).toBeNull();
    expect(early?.vitals.fcp?.count).toBe(1);

    await send(project, ENVELOPES.streamedVitals, vitals.items);
    expectCapturedVitals(await pageloadRow(project));
  });

  it('counts late vitals that arrive before their page load once it comes', async () => {
    const project = await createProject('streamed-aggregates-first');
    await send(project, ENVELOPES.streamedVitals, vitals.items);
    expect(await pageloadRow(project)).toBeUndefined();
    await send(project, ENVELOPES.streamedPageload, pageload.items);
    expectCapturedVitals(await pageloadRow(project));
  });

  it('counts nothing twice when the queue delivers the same items again', async () => {
    const project = await createProject('streamed-aggregates-again');
    const messages = [spanMessage(project, pageload), spanMessage(project, vitals)];
    for (const message of [...messages, ...messages]) {
      const result = await consumeBatch([message]);
      expect(result.retryMessages).toEqual([]);
    }
    expectCapturedVitals(await pageloadRow(project));
  });
});
