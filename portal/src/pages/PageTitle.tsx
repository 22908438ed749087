import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { useEffect } from 'react';

/** The page's heading (its one h1) and the browser tab's title. */
export function PageTitle({ children, tabTitle }: { children: ReactNode; tabTitle: string }) {
  useEffect(() => {
    document.title = `${tabTitle} — Chỉ số CCHC`;
  }, [tabTitle]);
  return (
    <Typography.Title level={1} className="page-title">
      {children}
    </Typography.Title>
  );
}
