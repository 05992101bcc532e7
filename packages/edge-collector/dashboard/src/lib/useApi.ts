import { useCallback, useEffect, useState } from 'preact/hooks';
import { api } from './api';

export interface Loaded<T> {
  data: T | undefined;
  error: string | null;
  reload: () => Promise<void>;
}

/** GETs `path` (none while null) and re-renders with the answer or the error's reason. */
export function useApi<T>(path: string | null): Loaded<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    if (!path) return;
    try {
      setData(await api<T>(path));
      setError(null);
    } catch (caught) {
      setError((caught as Error).message);
    }
  }, [path]);
  useEffect(() => {
    setData(undefined);
    void reload();
  }, [reload]);
  return { data, error, reload };
}
