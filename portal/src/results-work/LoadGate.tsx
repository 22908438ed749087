import { Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import type { Loaded } from './use-load';

/**
 * What a page shows until the reads it cannot do without have answered once: the first refusal
 * (as the API words it), or a spinner; null once all have data (later reloads keep theirs).
 */
export function firstLoadGate(title: ReactNode, ...loads: Loaded<unknown>[]): ReactNode | null {
  const failed = loads.find((l) => l.status === 'error' && l.data === undefined);
  if (failed?.status === 'error') {
    return (
      <>
        {title}
        <Result status="error" title={failed.error.title} subTitle={failed.error.detail} />
      </>
    );
  }
  if (loads.some((l) => l.data === undefined)) {
    return (
      <>
        {title}
        <Spin description="Đang tải…" />
      </>
    );
  }
  return null;
}
