import { ClientError } from '../http/ClientError';

type Json = Record<string, unknown>;

/** A CSP violation in Sentry's `csp` interface shape (the `csp-report` keys). */
export interface CspReport {
  'document-uri'?: string;
  'blocked-uri'?: string;
  'effective-directive'?: string;
  'violated-directive'?: string;
  'original-policy'?: string;
  disposition?: string;
  referrer?: string;
  'status-code'?: number;
  'source-file'?: string;
  'line-number'?: number;
  'column-number'?: number;
  'script-sample'?: string;
}

function string(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The Reporting API's camelCase `body` of a `csp-violation` report, as `csp-report` keys. */
function fromReportingApi(report: Json): CspReport {
  const body = (report.body ?? {}) as Json;
  return {
    'document-uri': string(body.documentURL) ?? string(report.url),
    'blocked-uri': string(body.blockedURL),
    'effective-directive': string(body.effectiveDirective),
    'violated-directive': string(body.effectiveDirective),
    'original-policy': string(body.originalPolicy),
    disposition: string(body.disposition),
    referrer: string(body.referrer),
    'status-code': typeof body.statusCode === 'number' ? body.statusCode : undefined,
    'source-file': string(body.sourceFile),
    'line-number': typeof body.lineNumber === 'number' ? body.lineNumber : undefined,
    'column-number': typeof body.columnNumber === 'number' ? body.columnNumber : undefined,
    'script-sample': string(body.sample),
  };
}

const NUMBER_KEYS = new Set(['status-code', 'line-number', 'column-number']);

/** A report-uri `csp-report` keeping only fields of the expected types (strings, and numbers). */
function fromReportUri(report: Json): CspReport {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(report)) {
    const expected = NUMBER_KEYS.has(key) ? 'number' : 'string';
    if (typeof value === expected) result[key] = value;
  }
  return result as CspReport;
}

/**
 * The violations in a security endpoint body: `{"csp-report": {...}}`
 * (report-uri) or a Reporting API list (report-to), keeping only
 * `csp-violation` reports. Anything else is a 400.
 */
export function cspReportsFrom(body: unknown): { report: CspReport; userAgent?: string }[] {
  if (Array.isArray(body)) {
    // A Reporting API body is a list of reports, each an object naming its type.
    const isReport = (entry: unknown) => typeof (entry as Json | null)?.type === 'string';
    if (body.length === 0 || !body.every(isReport)) {
      throw new ClientError(400, 'body is a list, but not of Reporting API reports');
    }
    return body
      .filter((entry): entry is Json => (entry as Json | null)?.type === 'csp-violation')
      .map((entry) => ({ report: fromReportingApi(entry), userAgent: string(entry.user_agent) }));
  }
  const legacy = (body as Json | null)?.['csp-report'];
  if (legacy && typeof legacy === 'object' && !Array.isArray(legacy)) {
    return [{ report: fromReportUri(legacy as Json) }];
  }
  throw new ClientError(400, 'body is neither a csp-report nor a list of reports');
}

function hostOf(uri: string): string {
  try {
    return new URL(uri).host || uri;
  } catch {
    return uri; // 'inline', 'eval', 'self' and friends
  }
}

/** An event for one violation, titled as Sentry titles them: `Blocked 'script' from 'host'`. */
export function cspReportToEvent(report: CspReport, userAgent?: string): Json {
  const directive = report['effective-directive'] ?? report['violated-directive'] ?? 'unknown';
  const kind = directive.replace(/-src(-elem|-attr)?$/, '').split(' ')[0] ?? directive;
  const blocked = report['blocked-uri'] ?? '';
  const message = `Blocked '${kind}' from '${hostOf(blocked) || 'self'}'`;
  const csp: Json = {};
  for (const [key, value] of Object.entries(report)) {
    if (value !== undefined) csp[key.replaceAll('-', '_')] = value;
  }
  const headers: Json = userAgent ? { 'User-Agent': userAgent } : {};
  return {
    platform: 'javascript',
    level: 'error',
    logentry: { formatted: message },
    culprit: directive,
    csp,
    request: { url: report['document-uri'], headers },
    tags: { 'csp.directive': directive, 'csp.blocked_uri': blocked },
  };
}
