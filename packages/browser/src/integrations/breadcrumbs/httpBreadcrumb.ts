import type { RecordBreadcrumb } from '../../core/types.js';
import { now } from '../../lib/now.js';
import { stripUrl } from '../../lib/stripUrl.js';

/** Records a finished fetch or XHR; status >= 400 or none (network error, abort) is an error. */
export const httpBreadcrumb = (
  record: RecordBreadcrumb,
  category: 'fetch' | 'xhr',
  method: string,
  url: string,
  status: number | undefined,
  start: number,
) =>
  record({
    type: 'http',
    category,
    level: (status as number) < 400 && status ? 'info' : 'error',
    data: {
      method: method.toUpperCase(),
      url: stripUrl(url),
      status_code: status,
      duration_ms: now() - start,
    },
  });
