// A Faultline webhook receiver with no dependencies: verifies each delivery's signature
// and timestamp, ignores repeats of a delivery it already handled, and prints the alert.
//
//   FAULTLINE_WEBHOOK_SECRET=whsec_… node examples/webhook-receiver/server.mjs
//
// Then add http://127.0.0.1:8788/ as a webhook of a project (see WEBHOOKS.md).
import { createServer } from 'node:http';
import { verifyFaultlineSignature } from './verify.mjs';

const secret = process.env.FAULTLINE_WEBHOOK_SECRET;
const port = Number(process.env.PORT ?? 8788);
const MAX_BODY_BYTES = 1024 * 1024;

if (!secret) {
  console.error('Set FAULTLINE_WEBHOOK_SECRET to the secret shown when the webhook was created.');
  process.exit(1);
}

// Retries reuse the delivery id; a real receiver would keep these in its database.
const seen = new Set();

function printAlert(alert) {
  console.log(`[${alert.type}] ${alert.message}`);
  if (alert.issue) console.log(`  ${alert.issue.url}`);
  for (const frame of alert.event?.frames ?? []) {
    console.log(`    at ${frame.function} (${frame.filename}:${frame.lineno ?? '?'})`);
  }
}

const server = createServer((request, response) => {
  const answer = (status, text) => response.writeHead(status).end(text);
  if (request.method !== 'POST') return answer(405, 'POST alerts here\n');
  const chunks = [];
  let size = 0;
  request.on('data', (chunk) => {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) request.destroy();
    else chunks.push(chunk);
  });
  request.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    const problem = verifyFaultlineSignature({
      secret,
      timestamp: request.headers['x-faultline-timestamp'],
      signature: request.headers['x-faultline-signature'],
      body,
    });
    if (problem) {
      console.error(`rejected a delivery: ${problem}`);
      return answer(401, `${problem}\n`);
    }
    const deliveryId = request.headers['x-faultline-delivery'];
    if (seen.has(deliveryId)) return answer(200, 'already handled\n');
    seen.add(deliveryId);
    printAlert(JSON.parse(body));
    answer(200, 'ok\n');
  });
});

server.listen(port, '127.0.0.1', () => {
  console.log(`Faultline webhook receiver on http://127.0.0.1:${port}/`);
});
