import type { BreadcrumbOptions, Options } from '../../core/options.js';
import type { RecordBreadcrumb } from '../../core/types.js';
import { clickBreadcrumbs } from './clickBreadcrumbs.js';
import { consoleBreadcrumbs } from './consoleBreadcrumbs.js';
import { fetchBreadcrumbs } from './fetchBreadcrumbs.js';
import { historyBreadcrumbs } from './historyBreadcrumbs.js';
import { xhrBreadcrumbs } from './xhrBreadcrumbs.js';

const automatic: Record<keyof BreadcrumbOptions, (record: RecordBreadcrumb) => void> = {
  console: consoleBreadcrumbs,
  dom: clickBreadcrumbs,
  fetch: fetchBreadcrumbs,
  xhr: xhrBreadcrumbs,
  history: historyBreadcrumbs,
};

let installed = false;

/**
 * Installs the automatic breadcrumbs the options leave on (all, unless
 * `breadcrumbs: false` or `{ name: false }`), once per page, feeding them to
 * `record`. Nothing is wrapped when the SDK is disabled.
 */
export const installBreadcrumbs = (options: Options | undefined, record: RecordBreadcrumb) => {
  const switches = options?.breadcrumbs;
  if (installed || !options || switches === false || options.enabled === false) return;
  installed = true;
  for (const name in automatic) {
    if (switches?.[name as keyof BreadcrumbOptions] !== false) {
      try {
        automatic[name as keyof BreadcrumbOptions](record);
      } catch {
        // An API missing in this browser: that breadcrumb kind just stays off.
      }
    }
  }
};
