import type { RecordBreadcrumb } from '../../core/types.js';
import { on } from '../../lib/on.js';
import { stripUrl } from '../../lib/stripUrl.js';
import { wrap } from '../../lib/wrap.js';

/** Records SPA navigations (pushState, replaceState, back/forward) as `navigation` breadcrumbs. */
export const historyBreadcrumbs = (record: RecordBreadcrumb) => {
  let from = location.href;
  const navigated = () => {
    const to = location.href;
    if (to !== from)
      record({ category: 'navigation', data: { from: stripUrl(from), to: stripUrl(to) } });
    from = to;
  };
  wrap(history, 'pushState', navigated);
  wrap(history, 'replaceState', navigated);
  on(window, 'popstate', navigated);
};
