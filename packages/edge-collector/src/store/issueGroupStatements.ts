import { batchCountStatements } from './batchCounts';
import { batchInput } from './batchInput';
import { batchReleasesStatement } from './batchReleases';
import { eventRowStatements } from './eventRows';
import type { IssueGroup } from './IssueGroup';
import { setIssueTypeStatement } from './issueTypes';
import { issueUpsertStatement } from './issueUpsert';

/**
 * The statements that store a batch's events, grouped by issue, in the order they
 * must run inside one D1 batch (one transaction): the releases; one upsert per issue
 * (counting only events not stored yet, deciding its status transition once); a
 * performance issue's type; the tag values and hourly counts of the whole batch; then
 * the events' rows and index. Statements placed after these (alerts) can act only
 * where the batch counted events, with `issues.ingest_token = group.token`, and see
 * what it did in `issues.transition`.
 */
export async function issueGroupStatements(
  db: D1Database,
  groups: IssueGroup[],
): Promise<D1PreparedStatement[]> {
  if (groups.length === 0) return [];
  const input = batchInput(groups);
  const statements = [batchReleasesStatement(db, input)];
  for (const group of groups) {
    statements.push(issueUpsertStatement(db, group));
    const typed = group.events.filter((event) => event.issueType).at(-1)?.issueType;
    if (typed) {
      const issue = { ...group, ingestToken: group.token };
      statements.push(setIssueTypeStatement(db, issue, typed.type, typed.evidence));
    }
  }
  statements.push(...batchCountStatements(db, input));
  statements.push(...(await eventRowStatements(db, groups)));
  return statements;
}
