import { App as AntApp, ConfigProvider } from 'antd';
import vi_VN from 'antd/locale/vi_VN';
import { BrowserRouter } from 'react-router';
import { PortalRoutes } from './routes';
import { SessionProvider } from './session/session';
import { portalTheme } from './theme';

/** Ant Design in Vietnamese (its vi_VN locale), under the /portal/ base path. */
export function PortalApp() {
  return (
    <ConfigProvider locale={vi_VN} theme={portalTheme}>
      <AntApp>
        <BrowserRouter basename="/portal">
          <SessionProvider>
            <PortalRoutes />
          </SessionProvider>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}
