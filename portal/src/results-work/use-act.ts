import { App } from 'antd';
import { useCallback, useState } from 'react';
import { type ApiRequestError, asApiError } from '../api/api-error';
import { useApiErrorNotice } from '../api/use-api-error-notice';

/**
 * Runs one action against the API: a success message, or the API's refusal as it words it (the
 * portal decides nothing itself). `busy` names the action under way, for its button's spinner.
 */
export function useAct() {
  const { message } = App.useApp();
  const showError = useApiErrorNotice();
  const [busy, setBusy] = useState<string | null>(null);
  const act = useCallback(
    async <T>(
      name: string,
      work: () => Promise<T>,
      options: { done?: string; onError?: (error: ApiRequestError) => boolean | void } = {},
    ): Promise<T | null> => {
      setBusy(name);
      try {
        const result = await work();
        if (options.done) void message.success(options.done);
        return result;
      } catch (err) {
        const error = asApiError(err);
        // onError answering true has shown the refusal itself (a list of rows, …).
        if (!options.onError?.(error)) showError(error);
        return null;
      } finally {
        setBusy(null);
      }
    },
    [message, showError],
  );
  const success = useCallback((text: string) => void message.success(text), [message]);
  return { act, busy, success };
}
