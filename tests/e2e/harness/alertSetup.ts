import { runScheduled } from '../../../scripts/lib/localCollector.mjs';
import type { Collector, Project } from './collector';
import { startWebhookReceiver, type WebhookReceiver } from './webhookReceiver';

export interface AlertedProject {
  project: Project;
  hook: { id: string; secret: string };
  receiver: WebhookReceiver;
  /** The webhook's delivery log, newest first. */
  deliveries(): Promise<DeliveryLogEntry[]>;
}

export interface DeliveryLogEntry {
  deliveryId: string;
  status: string;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  trigger: string;
}

/**
 * A project whose alerts go to a fresh receiver on loopback. With `rule`, the default
 * rule (new issue or regression) is replaced by it.
 */
export async function projectWithReceiver(
  collector: Collector,
  options: { rule?: object; format?: string } = {},
): Promise<AlertedProject> {
  const project = await collector.createProject('alerts');
  const base = `/api/0/projects/${project.id}`;
  const receiver = await startWebhookReceiver();
  const hook = await collector.api<{ id: string; secret: string }>(`${base}/webhooks/`, {
    method: 'POST',
    body: JSON.stringify({ url: receiver.url, format: options.format ?? 'json' }),
  });
  if (options.rule) {
    const rules = await collector.api<{ id: string }[]>(`${base}/rules/`);
    for (const rule of rules) {
      await collector.api(`${base}/rules/${rule.id}/`, { method: 'DELETE' });
    }
    await collector.api(`${base}/rules/`, {
      method: 'POST',
      body: JSON.stringify({ name: 'test rule', ...options.rule }),
    });
  }
  return {
    project,
    hook,
    receiver,
    deliveries: () => collector.api<DeliveryLogEntry[]>(`${base}/webhooks/${hook.id}/deliveries/`),
  };
}

/**
 * Lets pending work finish: runs the scheduled handler (as the cron would) and waits a
 * moment, so a test can assert that nothing more arrives.
 */
export async function settle(collector: Collector, ms = 1500): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
  await runScheduled(collector.url);
}
