import { useCallback, useEffect, useState } from 'react';
import { type ApiRequestError, asApiError } from '../api/api-error';
import { apiGet } from '../api/client';

export type Loaded<T> =
  | { status: 'loading'; data?: T }
  | { status: 'ok'; data: T }
  | { status: 'error'; error: ApiRequestError; data?: T };

/**
 * GETs `path` (null: nothing to read yet) and again on `reload()`, keeping what was read while
 * the next answer comes, so a table does not blink after each action.
 */
export function useLoad<T>(path: string | null): [Loaded<T>, () => Promise<void>] {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const read = useCallback(
    async (signal?: AbortSignal) => {
      if (path === null) return;
      setState((s) => ({ status: 'loading', ...(s.data !== undefined && { data: s.data }) }));
      try {
        const data = await apiGet<T>(path, signal ? { signal } : {});
        setState({ status: 'ok', data });
      } catch (err) {
        if (signal?.aborted) return;
        setState((s) => ({
          status: 'error',
          error: asApiError(err),
          ...(s.data !== undefined && { data: s.data }),
        }));
      }
    },
    [path],
  );
  useEffect(() => {
    const controller = new AbortController();
    void read(controller.signal);
    return () => controller.abort();
  }, [read]);
  const reload = useCallback(() => read(), [read]);
  return [state, reload];
}
