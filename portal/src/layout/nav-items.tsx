import { CheckSquareOutlined, FlagOutlined, TrophyOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { PATHS } from '../paths';

export interface NavItem {
  path: string;
  label: string;
  icon: ReactNode;
}

/** The left menu: what a person comes to do. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: PATHS.myWork, label: 'Việc của tôi', icon: <CheckSquareOutlined /> },
  { path: PATHS.campaigns, label: 'Chiến dịch', icon: <FlagOutlined /> },
  { path: PATHS.results, label: 'Kết quả', icon: <TrophyOutlined /> },
];

/** The menu item a page belongs to: the longest path that starts the location. */
export function selectedNavPath(pathname: string): string | undefined {
  return NAV_ITEMS.map((item) => item.path)
    .filter((path) => pathname === path || pathname.startsWith(`${path}/`))
    .sort((a, b) => b.length - a.length)[0];
}
