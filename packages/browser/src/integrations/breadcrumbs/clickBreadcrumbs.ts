import type { RecordBreadcrumb } from '../../core/types.js';
import { cssSelector } from '../../lib/cssSelector.js';
import { on } from '../../lib/on.js';

/**
 * Records clicks as `ui.click` breadcrumbs naming the element by a short CSS
 * selector. Capture phase: the crumb must exist before the page's own click
 * handler runs, and maybe throws.
 */
export const clickBreadcrumbs = (record: RecordBreadcrumb) =>
  on(
    document,
    'click',
    (event: MouseEvent) => record({ category: 'ui.click', message: cssSelector(event.target) }),
    true,
  );
