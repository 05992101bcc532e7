/**
 * itty-router 5.0's `corsify` sends `Access-Control-Expose-Headers` only on
 * preflights, where browsers ignore it; on the real response it is what lets
 * a browser SDK read `Retry-After` and `X-Sentry-Rate-Limits` of a 429.
 */
export function exposeCorsHeaders(exposed: string[]) {
  const value = exposed.join(', ');
  return (response: Response): Response => {
    if (!response.headers.has('Access-Control-Allow-Origin')) return response;
    if (response.headers.has('Access-Control-Expose-Headers') || response.status === 101) {
      return response;
    }
    const copy = new Response(response.body, response); // headers of a fetched response are immutable
    copy.headers.set('Access-Control-Expose-Headers', value);
    return copy;
  };
}
