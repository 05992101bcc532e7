import { html } from 'htm/preact';

/** Labels for the settings the collector has today; others show under their own name. */
export const SETTING_LABELS: Record<string, string> = {
  retentionDays: 'Keep events for (days)',
  rateLimitPerMinute: 'Rate limit (events per minute, 0 = none)',
  storeClientIp: 'Store the sender’s IP address',
  scrubIpAddresses: 'Mask IP addresses in every value',
  hashScrubbedValues: 'Hash scrubbed values instead of [Filtered]',
  sensitiveFields: 'More fields to scrub (one a line)',
  safeFields: 'Fields never scrubbed (one a line)',
  fingerprintRules: 'Fingerprint rules (one a line, e.g. error.type:ChunkLoadError -> chunk-load)',
  apdexThresholdMs: 'Apdex threshold T (ms)',
  browserExtensions: 'Drop errors from browser extensions',
  scriptErrors: 'Drop “Script error.”',
  resizeObserver: 'Drop ResizeObserver loop notices',
  webCrawlers: 'Drop events from web crawlers',
  localhost: 'Drop events from localhost',
  ignoreMessages: 'Ignore messages matching (globs, one a line)',
  ignoreReleases: 'Ignore releases matching (globs, one a line)',
};

/** One setting as a form field of its type: checkbox, number, or lines of text. */
export function SettingField(props: { name: string; value: unknown; prefix?: string }) {
  const field = `${props.prefix ?? ''}${props.name}`;
  const label = SETTING_LABELS[props.name] ?? props.name;
  if (typeof props.value === 'boolean') {
    return html`<label class="inline"><input type="checkbox" name=${field} checked=${props.value} /> ${label}</label>`;
  }
  if (typeof props.value === 'number') {
    return html`<label>${label} <input type="number" name=${field} min="0" step="any" value=${props.value} /></label>`;
  }
  if (Array.isArray(props.value)) {
    return html`<label>${label} <textarea name=${field} rows="3" value=${props.value.join('\n')}></textarea></label>`;
  }
  return null;
}

/** Reads a field back in the type its current value has. */
export function readSetting(data: FormData, field: string, current: unknown): unknown {
  if (typeof current === 'boolean') return data.get(field) === 'on';
  if (typeof current === 'number') return Number(data.get(field));
  if (Array.isArray(current)) {
    return String(data.get(field) ?? '')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
  }
  return undefined;
}
