import { eventFacts } from '../alerts/eventFacts';
import type { AlertSetup } from '../alerts/planAlerts';
import { planAlerts } from '../alerts/planAlerts';
import type { ProjectSettings } from '../projects/ProjectSettings';
import type { TransactionInsights } from '../types/TransactionInsights';
import type { TransactionRecord } from '../types/TransactionRecord';
import { detectNPlusOne } from './detectNPlusOne';
import { N_PLUS_ONE_TYPE, nPlusOneEventRecord } from './nPlusOneEventRecord';

/**
 * The consumer's insights stage for a processed transaction: its trace segment (for
 * the batch's aggregates) and each N+1 problem its spans show, as an event of a
 * `performance_n_plus_one` issue with the alerts it may fire, as error events have.
 */
export async function transactionInsights(
  record: TransactionRecord,
  settings: ProjectSettings,
  loadAlertSetup: (projectId: number) => Promise<AlertSetup>,
): Promise<TransactionInsights> {
  const { segment } = record;
  const found = detectNPlusOne(segment);
  const setup = found.length > 0 ? await loadAlertSetup(record.projectId) : null;
  const problems = found.map((problem) => {
    const { record: event, evidence } = nPlusOneEventRecord(segment, problem, record.receivedAt);
    const filtersOnTags = setup?.rules.some((rule) => rule.enabled && rule.filters.tags) ?? false;
    const alerts = setup
      ? planAlerts(eventFacts(event, filtersOnTags), setup)
      : { fires: [], rememberUser: false };
    return { record: event, alerts, type: N_PLUS_ONE_TYPE, evidence };
  });
  return { segment, apdexThresholdMs: settings.apdexThresholdMs ?? 300, problems };
}
