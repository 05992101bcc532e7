import { type AlertFilters, LEVELS } from '../types/AlertRule';
import type { EventFacts } from './eventFacts';

function levelRank(level: string): number {
  const rank = (LEVELS as readonly string[]).indexOf(level);
  return rank === -1 ? LEVELS.indexOf('error') : rank;
}

/**
 * True when an event passes a rule's event filters (level at least, environment,
 * release, tags). The issue-age filter needs the stored issue and is checked in SQL.
 */
export function matchesFilters(filters: AlertFilters, facts: EventFacts): boolean {
  if (filters.level && levelRank(facts.level) < levelRank(filters.level)) return false;
  if (filters.environment !== undefined && facts.environment !== filters.environment) return false;
  if (filters.release !== undefined && facts.release !== filters.release) return false;
  for (const [tag, value] of Object.entries(filters.tags ?? {})) {
    if (facts.tags[tag] !== value) return false;
  }
  return true;
}
