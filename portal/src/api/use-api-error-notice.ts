import { App } from 'antd';
import { useCallback } from 'react';
import type { ApiRequestError } from './api-error';

/** Shows an API error as a notification: its Vietnamese title, its detail and each field. */
export function useApiErrorNotice(): (error: ApiRequestError) => void {
  const { notification } = App.useApp();
  return useCallback(
    (error: ApiRequestError) => {
      const fields = error.fields.map((f) => f.message);
      notification.error({
        title: error.title,
        description: [error.detail, ...fields].filter(Boolean).join(' '),
        placement: 'topRight',
      });
    },
    [notification],
  );
}
