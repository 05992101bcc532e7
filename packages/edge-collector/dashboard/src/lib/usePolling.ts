import { useEffect, useRef } from 'preact/hooks';

/**
 * Calls `load` now and then every `intervalMs` while the tab is visible (and at
 * once when it becomes visible again); `deps` restart it.
 */
export function usePolling(load: () => Promise<unknown>, intervalMs: number, deps: unknown[]) {
  const latest = useRef(load);
  latest.current = load;
  useEffect(() => {
    let timer = 0;
    let stopped = false;
    const tick = async () => {
      clearTimeout(timer);
      if (!document.hidden) await latest.current().catch(() => undefined);
      if (!stopped) timer = setTimeout(tick, intervalMs) as unknown as number;
    };
    const onVisible = () => {
      if (!document.hidden) void tick();
    };
    document.addEventListener('visibilitychange', onVisible);
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, deps);
}
