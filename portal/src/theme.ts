import type { ThemeConfig } from 'antd';

/** A sober blue for a government back office; every colour keeps AA contrast on white. */
export const portalTheme: ThemeConfig = {
  token: {
    colorPrimary: '#1554ad',
    fontFamily:
      "-apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif",
  },
};
