/**
 * The path Sentry matches a `~/` artifact URL on: `~/assets/app.js` → `/assets/app.js`,
 * `https://cdn.example.com/assets/app.js?v=3` → `/assets/app.js`. Query and fragment never
 * count, and the host never does (`~` means any host). Null for what is no URL or path.
 */
export function urlPath(url: string): string | null {
  if (url.startsWith('~/')) return url.slice(1).replace(/[?#].*$/, '');
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'data:') return null;
    return parsed.pathname || null;
  } catch {
    return url.startsWith('/') ? url.replace(/[?#].*$/, '') : null;
  }
}

/** `~/assets/app.js` + `app.js.map` → `~/assets/app.js.map`; absolute references stay. */
export function resolveReference(fromUrl: string, reference: string): string {
  if (/^[a-z][\w+.-]*:/i.test(reference) || reference.startsWith('~/')) return reference;
  if (reference.startsWith('/')) return `~${reference}`;
  const base = fromUrl.replace(/[?#].*$/, '');
  return `${base.slice(0, base.lastIndexOf('/') + 1)}${reference}`;
}
