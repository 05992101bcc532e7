import type { RecordBreadcrumb } from '../../core/types.js';
import { now } from '../../lib/now.js';
import { wrap } from '../../lib/wrap.js';
import { httpBreadcrumb } from './httpBreadcrumb.js';

/**
 * Records `fetch` calls as breadcrumbs when they settle. The page gets the
 * very promise fetch returned. (The SDK posts with the fetch it found at
 * load, so its own requests never pass through here.)
 */
export const fetchBreadcrumbs = (record: RecordBreadcrumb) =>
  wrap(window, 'fetch', (promise: Promise<Response>, [input, init]) => {
    const start = now();
    const done = (response?: Response) =>
      httpBreadcrumb(
        record,
        'fetch',
        init?.method || input.method || 'GET',
        String(input.url || input),
        response?.status,
        start,
      );
    promise.then(done, () => done());
  });
