/** A build's content hash: hex with a digit (webpack, esbuild) or Vite's mixed-case base64url. */
function isContentHash(segment: string): boolean {
  if (/^[0-9a-f]{6,}$/i.test(segment) && /\d/.test(segment)) return true;
  return (
    /^[\w-]{8,}$/.test(segment) &&
    /\d/.test(segment) &&
    /[A-Z]/.test(segment) &&
    /[a-z]/.test(segment)
  );
}

/** A version (`3.6.0` splits into `3`, `6`, `0`; `v2`), or a numeric chunk id. */
function isVersion(segment: string): boolean {
  return /^v?\d+$/i.test(segment);
}

/**
 * The file part of a frame's path as grouping sees it: the basename without
 * query or hash, with content hashes and version segments dropped, so one
 * file keeps one name across deploys: `app.3f2a1b9c.js?v=7` → `app.js`,
 * `index-BQ3cK5vy.js` → `index.js`, `jquery-3.6.0.min.js` → `jquery.min.js`.
 */
export function normalizeFilename(path: string): string {
  const withoutQuery = path.replace(/[?#].*$/, '');
  const basename = withoutQuery.slice(withoutQuery.lastIndexOf('/') + 1) || withoutQuery;
  const dot = basename.lastIndexOf('.');
  const extension = dot > 0 ? basename.slice(dot) : '';
  const stem = dot > 0 ? basename.slice(0, dot) : basename;
  const kept = stem
    .split(/[.\-_~@]/)
    .filter((segment) => segment && !isContentHash(segment) && !isVersion(segment));
  return kept.length > 0 ? `${kept.join('.')}${extension}` : basename;
}
