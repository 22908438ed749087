import { Menu } from 'antd';
import { Link, useLocation } from 'react-router';
import { useSession } from '../session/session';
import { navItemsFor, selectedNavPath } from './nav-items';

/** The portal's menu, the same in the side bar and in the phone's drawer. */
export function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { pathname } = useLocation();
  const { me } = useSession();
  const selected = selectedNavPath(pathname);
  return (
    <Menu
      mode="inline"
      selectedKeys={selected ? [selected] : []}
      onClick={onNavigate}
      items={navItemsFor(me).map((item) => ({
        key: item.path,
        icon: item.icon,
        label: <Link to={item.path}>{item.label}</Link>,
      }))}
    />
  );
}
