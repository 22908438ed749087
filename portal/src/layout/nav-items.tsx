import {
  CalendarOutlined,
  CheckSquareOutlined,
  ContactsOutlined,
  FileSearchOutlined,
  FlagOutlined,
  KeyOutlined,
  TeamOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { PATHS } from '../paths';
import { ACCOUNT_MANAGERS, type SignedIn } from '../session/session';

export interface NavItem {
  path: string;
  label: string;
  icon: ReactNode;
  /** Shown only to these roles (signed in); everyone when absent. */
  roles?: readonly SignedIn['role'][];
}

/** The left menu: what a person comes to do. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: PATHS.myWork, label: 'Việc của tôi', icon: <CheckSquareOutlined /> },
  { path: PATHS.campaigns, label: 'Chiến dịch', icon: <FlagOutlined /> },
  { path: PATHS.results, label: 'Kết quả', icon: <TrophyOutlined /> },
  {
    path: PATHS.accounts,
    label: 'Tài khoản',
    icon: <TeamOutlined />,
    roles: ACCOUNT_MANAGERS,
  },
  {
    path: PATHS.machineTokens,
    label: 'Mã truy cập',
    icon: <KeyOutlined />,
    roles: ACCOUNT_MANAGERS,
  },
  {
    path: PATHS.workingCalendar,
    label: 'Lịch ngày làm việc',
    icon: <CalendarOutlined />,
    roles: ACCOUNT_MANAGERS,
  },
  { path: PATHS.contacts, label: 'Danh bạ', icon: <ContactsOutlined />, roles: ACCOUNT_MANAGERS },
  { path: PATHS.auditLog, label: 'Nhật ký', icon: <FileSearchOutlined />, roles: ACCOUNT_MANAGERS },
];

/** The menu items a person (or a visitor, `null`) sees. */
export function navItemsFor(me: SignedIn | null | undefined): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.roles || (me && item.roles.includes(me.role)));
}

/** The menu item a page belongs to: the longest path that starts the location. */
export function selectedNavPath(pathname: string): string | undefined {
  return NAV_ITEMS.map((item) => item.path)
    .filter((path) => pathname === path || pathname.startsWith(`${path}/`))
    .sort((a, b) => b.length - a.length)[0];
}
