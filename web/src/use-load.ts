/** Loads data for a page and tracks the three states every page shows: loading, error, loaded. */
import { useCallback, useEffect, useRef, useState } from 'react';

export type Load<T> =
  | { state: 'loading'; data: T | undefined; error: undefined }
  | { state: 'error'; data: T | undefined; error: unknown }
  | { state: 'ok'; data: T; error: undefined };

/**
 * Runs `load` whenever `key` changes (and on reload()). An answer to an older request is dropped, so a slow page
 * never overwrites a newer one; the previous data stays visible while the next loads.
 */
export function useLoad<T>(load: () => Promise<T>, key: string): Load<T> & { reload(): void } {
  const [result, setResult] = useState<Load<T>>({ state: 'loading', data: undefined, error: undefined });
  const [tick, setTick] = useState(0);
  const latest = useRef(0);
  const loader = useRef(load);
  loader.current = load;

  useEffect(() => {
    const request = ++latest.current;
    setResult((prev) => ({ state: 'loading', data: prev.data, error: undefined }));
    loader.current().then(
      (data) => {
        if (request === latest.current) setResult({ state: 'ok', data, error: undefined });
      },
      (error: unknown) => {
        if (request === latest.current) setResult((prev) => ({ state: 'error', data: prev.data, error }));
      },
    );
  }, [key, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { ...result, reload };
}
