// The breadcrumbs add-on for the script-tag bundle (breadcrumbs.min.js). With
// plain script tags, load it after faultline.min.js and before calling
// `Faultline.init`: it wraps `init` to install the automatic breadcrumbs the
// options leave on. The loader snippet loads it after the core has started
// and calls `Faultline.installBreadcrumbs(options)` itself. Breadcrumbs go to
// `Faultline.addBreadcrumb`.
import type { Options } from './core/options.js';
import type { RecordBreadcrumb } from './core/types.js';
import { installBreadcrumbs } from './integrations/breadcrumbs/installBreadcrumbs.js';

type Faultline = {
  init: (options: Options) => void;
  addBreadcrumb: RecordBreadcrumb;
  installBreadcrumbs?: (options: Options) => void;
};

const faultline = (window as unknown as { Faultline?: Faultline }).Faultline;
const init = faultline?.init;
if (faultline && init) {
  const install = (options: Options) => installBreadcrumbs(options, faultline.addBreadcrumb);
  faultline.installBreadcrumbs = install;
  faultline.init = (options) => {
    init(options);
    install(options);
  };
}
