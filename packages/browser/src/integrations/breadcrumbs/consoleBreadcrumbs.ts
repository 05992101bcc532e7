import type { Level, RecordBreadcrumb } from '../../core/types.js';
import { wrap } from '../../lib/wrap.js';

/** Records `console.log/info/warn/error` calls as breadcrumbs (text cut at 1,000 characters). */
export const consoleBreadcrumbs = (record: RecordBreadcrumb) => {
  for (const method of ['log', 'info', 'warn', 'error'] as const) {
    wrap(console, method, (_, args) =>
      record({
        category: 'console',
        level: (method === 'warn' ? 'warning' : method) as Level,
        message: args.join(' ').slice(0, 1e3),
      }),
    );
  }
};
