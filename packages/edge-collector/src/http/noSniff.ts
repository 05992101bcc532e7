/**
 * Every API answer is JSON for scripts, never a document to sniff and render:
 * `X-Content-Type-Options: nosniff` keeps browsers from treating it as anything else.
 */
export function noSniff(response: Response): Response {
  if (response.headers.has('X-Content-Type-Options')) return response;
  const copy = new Response(response.body, response);
  copy.headers.set('X-Content-Type-Options', 'nosniff');
  return copy;
}
