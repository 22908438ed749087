import { useEffect, useState } from 'react';
import { type ApiRequestError, asApiError } from './api-error';
import { apiGet } from './client';

export type ApiState<T> =
  { status: 'loading' } | { status: 'ok'; data: T } | { status: 'error'; error: ApiRequestError };

/** GETs `path` when it changes; the request is cancelled when the page leaves. */
export function useApiGet<T>(path: string): ApiState<T> {
  const [state, setState] = useState<ApiState<T>>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    apiGet<T>(path, { signal: controller.signal }).then(
      (data) => setState({ status: 'ok', data }),
      (err: unknown) => {
        if (controller.signal.aborted) return;
        setState({
          status: 'error',
          error: asApiError(err),
        });
      },
    );
    return () => controller.abort();
  }, [path]);
  return state;
}
