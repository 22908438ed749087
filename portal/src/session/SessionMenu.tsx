import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { PATHS } from '../paths';
import { ROLE_LABELS, useSession } from './session';

/** The header's right side: who is signed in and sign-out, or the way to sign in. */
export function SessionMenu() {
  const { me, signOut } = useSession();
  const navigate = useNavigate();
  if (me === undefined) return null;
  if (me === null) {
    return (
      <Link to={PATHS.signIn} className="session-link">
        <UserOutlined /> Đăng nhập
      </Link>
    );
  }
  const name = me.account?.fullName ?? me.name;
  return (
    <Space className="session-menu" size="middle">
      <Typography.Text className="session-name">
        {name} · {ROLE_LABELS[me.role]}
        {me.unitCode ? ` ${me.unitCode}` : ''}
      </Typography.Text>
      <Button
        icon={<LogoutOutlined />}
        onClick={() => void signOut().then(() => navigate(PATHS.signIn, { replace: true }))}
      >
        Đăng xuất
      </Button>
    </Space>
  );
}
