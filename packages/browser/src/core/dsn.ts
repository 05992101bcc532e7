/**
 * The envelope endpoint for a DSN, with auth in the query string so the
 * request stays "simple" (no CORS preflight). Null for an invalid DSN.
 */
export const envelopeUrl = (dsn: string): string | null => {
  // scheme://PUBLIC_KEY[:legacy secret]@HOST[/path]/PROJECT_ID
  const match = /^(https?:\/\/)(\w+)[^@/]*@(.+)\/(\d+)$/.exec(dsn);
  return (
    match &&
    `${match[1]}${match[3]}/api/${match[4]}/envelope/?sentry_key=${match[2]}&sentry_version=7`
  );
};
