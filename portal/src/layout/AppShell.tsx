import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout } from 'antd';
import { useState } from 'react';
import { Link, Outlet } from 'react-router';
import { NavMenu } from './NavMenu';
import { PATHS } from '../paths';
import { SessionMenu } from '../session/SessionMenu';
import './app-shell.css';

/**
 * Header, left menu and the page. From a tablet's width up the menu is a side bar; on a phone
 * it opens in a drawer from the header's menu button.
 */
export function AppShell() {
  const screens = Grid.useBreakpoint();
  const wide = screens.md ?? true;
  const [drawerOpen, setDrawerOpen] = useState(false);
  return (
    <Layout className="app-shell">
      <Layout.Header className="app-header">
        {!wide && (
          <Button
            type="text"
            className="app-header-menu"
            icon={<MenuOutlined />}
            aria-label="Mở menu"
            onClick={() => setDrawerOpen(true)}
          />
        )}
        <Link to={PATHS.myWork} className="app-title">
          Chỉ số CCHC — Sở Nội vụ
        </Link>
        <div className="app-header-session">
          <SessionMenu />
        </div>
      </Layout.Header>
      <Layout>
        {wide ? (
          <Layout.Sider width={220} theme="light" className="app-sider">
            <nav aria-label="Menu chính">
              <NavMenu />
            </nav>
          </Layout.Sider>
        ) : (
          <Drawer
            title="Menu"
            placement="left"
            size={260}
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
          >
            <nav aria-label="Menu chính">
              <NavMenu onNavigate={() => setDrawerOpen(false)} />
            </nav>
          </Drawer>
        )}
        {/* antd's Content is the page's <main>. */}
        <Layout.Content className="app-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
