import type { AlertPayload } from '../src/alerts/AlertPayload';
import type { DeliveryJob } from '../src/store/outbox';

/** A generic JSON alert payload about a new issue with the given title. */
export function alertPayload(title: string, message = `New issue in shop: ${title}`): AlertPayload {
  return {
    id: 'd'.repeat(32),
    type: 'alert.new_issue',
    trigger: 'new_issue',
    message,
    firedAt: '2026-01-01T12:00:00.000Z',
    rule: { id: '1', name: 'New issues and regressions' },
    project: { id: '1', name: 'shop' },
    issue: {
      id: '7',
      title,
      culprit: 'checkout(app.js)',
      level: 'error',
      status: 'unresolved',
      count: 1,
      userCount: 0,
      firstSeen: '2026-01-01T12:00:00.000Z',
      lastSeen: '2026-01-01T12:00:00.000Z',
      url: 'https://errors.example.com/issues/7',
    },
    event: {
      id: 'e'.repeat(32),
      level: 'error',
      release: 'shop@1.4.0',
      environment: 'production',
      tags: {},
      frames: [{ function: 'checkout', filename: 'app.js', lineno: 12, colno: 18 }],
    },
    threshold: null,
    suppressedEvents: 0,
  };
}

/** An outbox row as `selectDeliveryJobs` reads it: a new-issue alert to `url`. */
export function deliveryJob(url: string, overrides: Partial<DeliveryJob> = {}): DeliveryJob {
  return {
    id: 1,
    deliveryId: 'a'.repeat(32),
    attempts: 1,
    createdAt: Date.UTC(2026, 0, 1, 12),
    alert: {
      trigger: 'new_issue',
      ruleId: 1,
      ruleName: 'New issues and regressions',
      ruleTriggers: '[{"type":"new_issue"}]',
      windowKey: '',
      eventId: 'e'.repeat(32),
      firedAt: Date.UTC(2026, 0, 1, 12),
      suppressedEvents: 0,
      observed: null,
    },
    webhook: { id: 1, url, format: 'json', secret: 'whsec_test', origin: 'https://col.test' },
    project: { id: 1, name: 'shop' },
    issue: {
      id: 7,
      title: 'TypeError: x is undefined',
      culprit: 'checkout(app.js)',
      level: 'error',
      status: 'unresolved',
      count: 3,
      userCount: 2,
      firstSeen: Date.UTC(2026, 0, 1, 11),
      lastSeen: Date.UTC(2026, 0, 1, 12),
    },
    event: { level: 'error', release: 'shop@1.4.0', environment: 'production' },
    ...overrides,
  };
}
