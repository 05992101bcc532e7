import type { RecordBreadcrumb } from '../../core/types';
import { now } from '../../lib/now';
import { on } from '../../lib/on';
import { wrap } from '../../lib/wrap';
import { httpBreadcrumb } from './httpBreadcrumb';

/** Records XMLHttpRequests as breadcrumbs when they end (load, error or abort), timed from `open`. */
export const xhrBreadcrumbs = (record: RecordBreadcrumb) =>
  wrap(XMLHttpRequest.prototype, 'open', (_, [method, url], xhr: XMLHttpRequest) => {
    const start = now();
    on(xhr, 'loadend', () => httpBreadcrumb(record, 'xhr', method, String(url), xhr.status, start));
  });
