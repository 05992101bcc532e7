import type { IssueRecord } from '../store/issues';

const iso = (time: number | null) => (time === null ? null : new Date(time).toISOString());

/** Sentry's `statusDetails`: how the issue was resolved, or what ends its ignore. */
function statusDetails(issue: IssueRecord): Record<string, unknown> {
  if (issue.status === 'resolved') {
    if (issue.resolvedMode === 'inRelease') return { inRelease: issue.resolvedRelease };
    if (issue.resolvedMode === 'inNextRelease') {
      return { inNextRelease: true, afterRelease: issue.resolvedRelease };
    }
    return {};
  }
  if (issue.status === 'ignored') {
    const details: Record<string, unknown> = {};
    if (issue.ignoreUntil !== null) details.ignoreUntil = iso(issue.ignoreUntil);
    if (issue.ignoreUntilCount !== null) {
      details.ignoreCount = Math.max(0, issue.ignoreUntilCount - issue.count);
    }
    if (issue.ignoreUntilUsers !== null) {
      details.ignoreUserCount = Math.max(0, issue.ignoreUntilUsers - issue.userCount);
    }
    return details;
  }
  return {};
}

/** An issue as the read API shows it (Sentry's names where Sentry has one). */
export function toIssueJson(issue: IssueRecord) {
  return {
    id: String(issue.id),
    projectId: String(issue.projectId),
    title: issue.title,
    culprit: issue.culprit,
    level: issue.level,
    platform: issue.platform,
    status: issue.status,
    substatus: issue.isRegressed ? 'regressed' : null,
    isRegressed: issue.isRegressed,
    statusDetails: statusDetails(issue),
    count: issue.count,
    userCount: issue.userCount,
    firstSeen: iso(issue.firstSeen),
    lastSeen: iso(issue.lastSeen),
    firstRelease: issue.firstRelease,
    lastRelease: issue.lastRelease,
    resolvedAt: iso(issue.resolvedAt),
    statusChangedAt: iso(issue.statusChangedAt),
    type: issue.type,
    ...(issue.evidence ? { evidence: JSON.parse(issue.evidence) } : {}),
  };
}
