import type { ThemeConfig } from 'antd';

/**
 * A sober blue for a government back office. Ant Design's lighter greys (secondary text, labels,
 * descriptions) and its red fall below WCAG AA contrast on white: they are darkened here.
 */
export const portalTheme: ThemeConfig = {
  token: {
    colorPrimary: '#1554ad',
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.65)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    // Ant Design's red (#ff4d4f) is 3.3:1 on white: danger buttons and errors get a darker one.
    colorError: '#c41d1f',
    // Links in the primary blue (antd's #1677ff is 4.1:1 on the page's grey): 7:1 on white.
    colorLink: '#1554ad',
    fontFamily:
      "-apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif",
  },
};
