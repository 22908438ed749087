import type { ThemeConfig } from 'antd';

/**
 * A sober blue for a government back office. Ant Design's lighter greys (secondary text, labels,
 * descriptions) and its red fall below WCAG AA contrast on white: they are darkened here.
 */
export const portalTheme: ThemeConfig = {
  token: {
    colorPrimary: '#1554ad',
    // Links take colorInfo (#1677ff, 4.1:1 on white) unless told: the primary blue is AA.
    colorLink: '#1554ad',
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.65)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    // A select's placeholder ("Mọi trạng thái") is text axe measures: AA too.
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
    // Ant Design's red (#ff4d4f) is 3.3:1 on white: danger buttons and errors get a darker one.
    colorError: '#c41d1f',
    fontFamily:
      "-apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif",
  },
  components: {
    // An empty table's text ("Chưa có phiên bản nào.") takes colorTextDisabled (#bfbfbf, 1.8:1
    // on white): it is text a reader reads, so AA like the rest.
    Table: { colorTextDisabled: 'rgba(0, 0, 0, 0.6)' },
  },
};
