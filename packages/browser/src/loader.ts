// The loader snippet, a few hundred bytes for <head> in place of the bundle.
// It stubs `Faultline.*` and catches errors and rejections into a queue
// until the errors core has loaded (the script's `data-src`, else
// faultline.min.js beside the loader, or faultline.debug.min.js with
// `data-debug`), then replays the queue: `init` first
// wherever it was called (the sort is stable), then the rest in order. Then
// it loads the breadcrumbs add-on from beside the core and installs it with
// the options `init` was given, before or after the core arrived (from then
// on the add-on wraps `init` itself). Inline it (then `data-src` is required) or
// load it with a plain <script src>; see the README.
type Api = Record<string, (...args: unknown[]) => void>;

((w: Window & { Faultline?: Api }, d: Document) => {
  const queue: ([string, unknown[]] | Event)[] = [];
  const stub: Api = {};
  for (const name of 'init captureException captureMessage setUser setTag setTags setContext addBreadcrumb setTransactionName'.split(
    ' ',
  )) {
    stub[name] = (...args) => {
      queue.push([name, args]);
    };
  }
  // A span's callback cannot wait for the bundle: it runs now, untimed.
  stub.startSpan = (_, callback) => (callback as () => unknown)();
  // Once the bundle has replaced the stub, these listeners do nothing.
  // Events are queued while the queue holds under 100 entries: a bundle that
  // never comes (blocked) must not let an error thrown every frame hold
  // memory without end. Calls are always queued, so `init` is never lost.
  const listener = (event: Event) => {
    if (w.Faultline === stub && queue.length < 100) queue.push(event);
  };
  w.addEventListener('error', listener);
  w.addEventListener('unhandledrejection', listener);
  w.Faultline = stub;
  const load = (src: string, onload: () => void) => {
    const script = d.createElement('script');
    script.src = src;
    script.onload = onload;
    d.head.appendChild(script);
  };
  const current = d.currentScript as HTMLScriptElement;
  // `data-debug` on the loader's tag picks the debug build, for `debug: true`;
  // `data-tracing` the bundle with the sampling hook, for `tracesSampleRate`.
  const core =
    current.dataset.src ||
    current.src.replace(
      /loader(\.min)?\.js/,
      current.dataset.debug != null
        ? 'faultline.debug.min.js'
        : current.dataset.tracing != null
          ? 'faultline.tracing.min.js'
          : 'faultline.min.js',
    );
  load(core, () => {
    const api = w.Faultline as Api;
    // Remember the options of init, whether queued or called between the
    // bundle and the add-on arriving, for the add-on to install with.
    let options: unknown;
    const init = api.init as Api[string];
    api.init = (...args) => {
      options = args[0];
      init(...args);
    };
    const isInit = (item: unknown) => +((item as string[])[0] === 'init');
    queue.sort((a, b) => isInit(b) - isInit(a));
    for (const item of queue) {
      // A call is [name, args]; a caught event has no [1].
      if ((item as unknown[])[1])
        api[(item as unknown as [string])[0]]?.(...(item as [string, []])[1]);
      else api.captureErrorEvent?.(item);
    }
    load(core.replace(/[^/]*$/, 'breadcrumbs.min.js'), () => {
      if (options) api.installBreadcrumbs?.(options);
    });
  });
})(window, document);
