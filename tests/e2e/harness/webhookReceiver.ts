import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedDelivery {
  headers: IncomingHttpHeaders;
  body: string;
  // biome-ignore lint/suspicious/noExplicitAny: payloads are checked field by field in tests
  json: any;
  /** The status the receiver answered with. */
  status: number;
}

export interface Answer {
  status: number;
  headers?: Record<string, string>;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedDelivery[];
  /** Deliveries answered with a 2xx, in arrival order. */
  accepted(): ReceivedDelivery[];
  /** Decides the answer to each next request (200 by default). */
  answerWith(answer: (delivery: Omit<ReceivedDelivery, 'status'>) => Answer): void;
  stop(): Promise<void>;
}

/** A real HTTP receiver on 127.0.0.1 that records every delivery. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedDelivery[] = [];
  let answer: (delivery: Omit<ReceivedDelivery, 'status'>) => Answer = () => ({ status: 200 });
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let json: unknown = null;
      try {
        json = JSON.parse(body);
      } catch {}
      const delivery = { headers: request.headers, body, json };
      const { status, headers } = answer(delivery);
      received.push({ ...delivery, status });
      response.writeHead(status, headers).end(status < 300 ? 'ok' : 'not now');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/faultline`,
    received,
    accepted: () => received.filter((delivery) => delivery.status < 300),
    answerWith: (next) => {
      answer = next;
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** What a receiver does: recompute the HMAC of `timestamp + "." + body` and compare. */
export function hasValidSignature(delivery: ReceivedDelivery, secret: string): boolean {
  const timestamp = String(delivery.headers['x-faultline-timestamp']);
  const signature = String(delivery.headers['x-faultline-signature']);
  const expected = `v1=${createHmac('sha256', secret).update(`${timestamp}.${delivery.body}`).digest('hex')}`;
  return (
    signature.length === expected.length &&
    timingSafeEqual(Buffer.from(signature), Buffer.from(expected))
  );
}
