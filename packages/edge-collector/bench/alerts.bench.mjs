// What alerts cost at ingest: envelope latency on a local wrangler dev for a project with
// no webhook (no alert statements) and one with a webhook and four rules (default, event
// frequency, users, spike), then a burst of 200 events of one new issue.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyMigrations, startWranglerDev } from '../../../scripts/lib/localCollector.mjs';

const EVENTS = 300;
const persistTo = mkdtempSync(join(tmpdir(), 'faultline-bench-'));
applyMigrations({ persistTo });
const token = randomBytes(16).toString('hex');
const dev = await startWranglerDev({
  persistTo,
  vars: { FAULTLINE_ADMIN_TOKEN: token, FAULTLINE_MODE: 'local' },
});
let alerts = 0;
const receiver = createServer((request, response) => {
  request.resume().on('end', () => {
    alerts += 1;
    response.end('ok');
  });
}).listen(0, '127.0.0.1');
await new Promise((resolve) => receiver.once('listening', resolve));

async function api(path, body) {
  const response = await fetch(`${dev.url}${path}`, {
    method: body ? 'POST' : 'GET',
    headers: { Authorization: `Bearer ${token}` },
    body: body && JSON.stringify(body),
  });
  return response.json();
}

function send(project, type) {
  const eventId = randomBytes(16).toString('hex');
  const event = {
    event_id: eventId,
    level: 'error',
    user: { id: `u${Math.floor(Math.random() * 50)}` },
    exception: {
      values: [
        { type, value: 'boom', raw_stack: `${type}: boom\n    at f (https://a.test/app.js:1:1)` },
      ],
    },
  };
  return fetch(`${dev.url}/api/${project.id}/envelope/?sentry_key=${project.publicKey}`, {
    method: 'POST',
    body: `{}\n{"type":"event"}\n${JSON.stringify(event)}\n`,
  });
}

async function latencies(project) {
  const times = [];
  for (let i = 0; i < EVENTS; i++) {
    const start = performance.now();
    await send(project, `Error${i % 20}`);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.floor(q * (times.length - 1))].toFixed(1);
  return `median ${at(0.5)} ms, p95 ${at(0.95)} ms`;
}

const quiet = await api('/api/0/projects/', { name: 'no-webhook' });
const loud = await api('/api/0/projects/', { name: 'alerting' });
await api(`/api/0/projects/${loud.id}/webhooks/`, {
  url: `http://127.0.0.1:${receiver.address().port}/`,
});
for (const trigger of [
  { type: 'event_frequency', threshold: 1000, windowMinutes: 60 },
  { type: 'user_frequency', threshold: 1000, windowMinutes: 60 },
  { type: 'spike', threshold: 5000, windowMinutes: 60 },
]) {
  await api(`/api/0/projects/${loud.id}/rules/`, { name: trigger.type, triggers: [trigger] });
}
await latencies(quiet); // warm up
console.log(`alerts: ${EVENTS} events, no webhook:              ${await latencies(quiet)}`);
console.log(`alerts: ${EVENTS} events, webhook and four rules:  ${await latencies(loud)}`);
const before = alerts;
const start = performance.now();
const answers = await Promise.all(Array.from({ length: 200 }, () => send(loud, 'BurstError')));
const elapsed = performance.now() - start;
await new Promise((resolve) => setTimeout(resolve, 2000));
console.log(
  `alerts: burst of 200 events of a new issue: ${answers.filter((r) => r.ok).length} accepted in ${elapsed.toFixed(0)} ms, ${alerts - before} alert delivered`,
);
receiver.close();
await dev.stop();
rmSync(persistTo, { recursive: true, force: true });
