// The captured envelopes of one page load (scripts/capture-sentry-browser-spans.mjs):
// @sentry/browser 11.12 in Chromium, streaming spans (the default) and, for the
// same page, sending a transaction event (`traceLifecycle: 'static'`).

import streamedPageload from '../fixtures/sentry-browser-spans/02.envelope?raw';
import streamedVitals from '../fixtures/sentry-browser-spans/03.envelope?raw';
import staticPageload from '../fixtures/sentry-browser-transaction/02.envelope?raw';

export const ENVELOPES = { staticPageload, streamedPageload, streamedVitals };

/** The JSON payload of the envelope's item of this type (items are one line each). */
export function itemPayload(envelope: string, type: string): Record<string, unknown> {
  const lines = envelope.split('\n');
  for (let index = 1; index < lines.length - 1; index += 2) {
    if (JSON.parse(lines[index] as string).type === type) {
      return JSON.parse(lines[index + 1] as string);
    }
  }
  throw new Error(`no ${type} item`);
}
