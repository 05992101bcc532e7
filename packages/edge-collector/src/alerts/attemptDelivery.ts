import type { DeliveryJob, DeliveryOutcome } from '../store/outbox';
import { buildAlertPayload } from './buildAlertPayload';
import { renderAlert } from './formats/renderAlert';
import { parseEmailDestination } from './parseEmailDestination';
import { nextAttemptAt, parseRetryAfter } from './retrySchedule';
import { type EmailSetup, sendAlertEmail } from './sendAlertEmail';
import { signPayload } from './signPayload';
import { webhookUrlProblem } from './webhookUrlProblem';

/** A receiver that has not answered within this is retried later. */
export const DELIVERY_TIMEOUT_MS = 10_000;

export interface DeliveryOptions {
  mode: string | undefined;
  publicUrl: string | undefined;
  retryBaseMs: number;
  now: number;
  /** How long to wait for an answer (DELIVERY_TIMEOUT_MS); tests shorten it. */
  timeoutMs?: number;
  /** For e-mail destinations: the send_email binding and the sender. */
  email?: EmailSetup;
}

type SendResult = { httpStatus: number | null; error?: string; retryAfterMs?: number };

/** A destination that cannot be used at all: an e-mail one's address, a webhook's URL. */
function destinationProblem(job: DeliveryJob, mode: string | undefined): string | null {
  if (job.webhook.format === 'email') {
    const destination = parseEmailDestination(job.webhook.url);
    return 'problem' in destination ? `address ${destination.problem}` : null;
  }
  const problem = webhookUrlProblem(job.webhook.url, mode);
  return problem ? `URL ${problem}` : null;
}

const noEmail: EmailSetup = { binding: undefined, from: undefined };

/** Headers of every delivery, documented in WEBHOOKS.md. */
async function headersFor(job: DeliveryJob, body: string, now: number): Promise<Headers> {
  const timestamp = Math.floor(now / 1000);
  return new Headers({
    'Content-Type': 'application/json',
    'User-Agent': 'Faultline-Webhooks/1',
    'X-Faultline-Delivery': job.deliveryId,
    'X-Faultline-Event': `alert.${job.alert.trigger}`,
    'X-Faultline-Timestamp': String(timestamp),
    'X-Faultline-Signature': await signPayload(job.webhook.secret, timestamp, body),
  });
}

async function send(job: DeliveryJob, options: DeliveryOptions): Promise<SendResult> {
  if (job.webhook.format === 'email') {
    const payload = buildAlertPayload(job, options.publicUrl);
    const sent = await sendAlertEmail(payload, job.webhook.url, options.email ?? noEmail);
    return { httpStatus: null, error: sent.error };
  }
  const body = renderAlert(job.webhook.format, buildAlertPayload(job, options.publicUrl));
  const timeoutMs = options.timeoutMs ?? DELIVERY_TIMEOUT_MS;
  let response: Response;
  try {
    response = await fetch(job.webhook.url, {
      method: 'POST',
      headers: await headersFor(job, body, options.now),
      body,
      redirect: 'manual', // a public URL must not bounce us to a private one
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    return {
      httpStatus: null,
      error: timedOut ? `no answer within ${timeoutMs / 1000} s` : String(error),
    };
  }
  const text = await response.text().catch(() => '');
  if (response.status >= 200 && response.status < 300) return { httpStatus: response.status };
  if (response.status >= 300 && response.status < 400) {
    const location = response.headers.get('Location') ?? 'nowhere';
    return { httpStatus: response.status, error: `redirect to ${location} not followed` };
  }
  return {
    httpStatus: response.status,
    error: `HTTP ${response.status}${text ? `: ${text.slice(0, 200)}` : ''}`,
    retryAfterMs:
      response.status === 429 || response.status === 503
        ? parseRetryAfter(response.headers.get('Retry-After'), text, options.now)
        : undefined,
  };
}

/**
 * One attempt at a delivery (a request to a webhook, or an e-mail through the
 * send_email binding), and what to record: delivered; pending with the time of the
 * next attempt; or failed (a refused URL or address, a test delivery, or 24 h of
 * failures).
 */
export async function attemptDelivery(
  job: DeliveryJob,
  options: DeliveryOptions,
): Promise<DeliveryOutcome> {
  const problem = destinationProblem(job, options.mode);
  if (problem) {
    return {
      status: 'failed',
      httpStatus: null,
      error: problem,
      nextAttemptAt: options.now,
    };
  }
  const result = await send(job, options);
  // An e-mail has no HTTP status: the binding took it.
  if (result.error === undefined) return { status: 'delivered', httpStatus: result.httpStatus };
  const next =
    job.alert.trigger === 'test'
      ? null
      : nextAttemptAt({
          attempts: job.attempts,
          createdAt: job.createdAt,
          now: options.now,
          retryAfterMs: result.retryAfterMs,
          baseMs: options.retryBaseMs,
        });
  return {
    status: next === null ? 'failed' : 'pending',
    httpStatus: result.httpStatus,
    error: result.error,
    nextAttemptAt: next ?? options.now,
  };
}
