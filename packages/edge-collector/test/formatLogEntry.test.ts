import { describe, expect, it } from 'vitest';
import { formatLogMessage } from '../src/protocol/formatLogEntry';
import { admin, createProject } from './helpers';
import { newEventId, onlyIssue, sendEvent } from './issueHelpers';

describe('formatLogMessage', () => {
  it.each([
    ['payment failed for order %s', [123], 'payment failed for order 123'],
    ['%s paid %d EUR (%f)', ['jane', 12, 0.5], 'jane paid 12 EUR (0.5)'],
    ['order %(order)s for %(who)s', { order: 7, who: 'jane' }, 'order 7 for jane'],
    ['order {} of {}', [7, 9], 'order 7 of 9'],
    ['order {1} of {0}', [9, 7], 'order 7 of 9'],
    ['order {order}', { order: 7 }, 'order 7'],
    ['100%% done for %s', ['jane'], '100% done for jane'],
    ['missing %s and %s', ['one'], 'missing one and %s'],
    ['value %s', [null], 'value None'],
    ['value %s', [{ a: 1 }], 'value {"a":1}'],
  ])('formats %j with %j', (template, params, expected) => {
    expect(formatLogMessage(template, params)).toBe(expected);
  });

  it('leaves a template without params alone', () => {
    expect(formatLogMessage('no params %s', [])).toBeUndefined();
    expect(formatLogMessage('no params %s', undefined)).toBeUndefined();
  });
});

describe('a Python logging event', () => {
  const loggingEvent = (orderId: number) => ({
    event_id: newEventId(),
    platform: 'python',
    level: 'error',
    logger: 'shop.payments',
    logentry: { message: 'payment failed for order %s', params: [orderId] },
  });

  it('is titled with the formatted message and grouped by its template', async () => {
    const project = await createProject();
    const first = loggingEvent(50023);
    await sendEvent(project, first);
    await sendEvent(project, loggingEvent(50024));
    const issue = await onlyIssue(project);
    // The title follows an event of the issue; either order id is right, the template is not.
    expect(issue.title).toMatch(/^payment failed for order 5002[34]$/);
    expect(issue.count).toBe(2);
    const stored = await admin<{ logentry: Record<string, unknown> }>(
      `/api/0/events/${first.event_id}/`,
    );
    expect(stored.logentry).toEqual({
      message: 'payment failed for order %s',
      params: [50023],
      formatted: 'payment failed for order 50023',
    });
  });
});
