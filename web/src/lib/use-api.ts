import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../api/client.js';

export interface ApiState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload(): Promise<void>;
  setData(d: T): void;
}

/** Loads `load()` when `deps` change; the newest call wins. `load === null` skips loading. */
export function useApi<T>(load: ((signal: AbortSignal) => Promise<T>) | null, deps: unknown[]): ApiState<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(load !== null);
  const current = useRef<AbortController | null>(null);
  const loadRef = useRef(load);
  loadRef.current = load;

  const reload = useCallback(async () => {
    const fn = loadRef.current;
    if (!fn) return;
    current.current?.abort();
    const ac = new AbortController();
    current.current = ac;
    setLoading(true);
    try {
      const d = await fn(ac.signal);
      if (!ac.signal.aborted) {
        setData(d);
        setError(undefined);
      }
    } catch (e) {
      if (!ac.signal.aborted) setError(e as ApiError);
    } finally {
      if (!ac.signal.aborted) setLoading(false);
    }
  }, []);

  useEffect(() => {
    void reload();
    return () => current.current?.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  return { data, error, loading, reload, setData };
}
