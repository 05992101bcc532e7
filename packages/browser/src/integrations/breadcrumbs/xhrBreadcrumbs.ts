import type { RecordBreadcrumb } from '../../core/types.js';
import { now } from '../../lib/now.js';
import { on } from '../../lib/on.js';
import { wrap } from '../../lib/wrap.js';
import { httpBreadcrumb } from './httpBreadcrumb.js';

/** Records XMLHttpRequests as breadcrumbs when they end (load, error or abort), timed from `open`. */
export const xhrBreadcrumbs = (record: RecordBreadcrumb) =>
  wrap(XMLHttpRequest.prototype, 'open', (_, [method, url], xhr: XMLHttpRequest) => {
    const start = now();
    on(xhr, 'loadend', () => httpBreadcrumb(record, 'xhr', method, String(url), xhr.status, start));
  });
