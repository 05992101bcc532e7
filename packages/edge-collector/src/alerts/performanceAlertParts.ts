import type { DeliveryJob } from '../store/outbox';
import type { AlertPayload } from './AlertPayload';

type Parts = Pick<AlertPayload, 'figures' | 'transaction' | 'link'> & { what: string };

const round = (value: number) => Math.round(value * 100) / 100;

/**
 * The figures, transaction, link and one-line summary of a cron-evaluated alert
 * (performance_regression, error_rate); null for alerts fired by an event.
 */
export function performanceAlertParts(job: DeliveryJob, base: string): Parts | null {
  if (!job.alert.details) return null;
  const details = JSON.parse(job.alert.details) as {
    transaction?: string;
    figures: NonNullable<AlertPayload['figures']> & { errors?: number };
  };
  const { figures } = details;
  const project = `${base}/api/0/projects/${job.project.id}/performance/`;
  if (job.alert.trigger === 'error_rate') {
    return {
      figures,
      link: project,
      what: `${round(figures.value)} % errors (${figures.errors ?? 0} in ${figures.count} transactions, over ${figures.baseline} %)`,
    };
  }
  const transaction = details.transaction ?? '';
  const change = figures.changePercent === null ? '' : ` (+${round(figures.changePercent)} %)`;
  return {
    figures,
    transaction,
    link: `${project}summary/?transaction=${encodeURIComponent(transaction)}`,
    what: `${figures.metric} of ${transaction} is ${round(figures.value)}, was ${round(figures.baseline ?? 0)}${change}`,
  };
}
