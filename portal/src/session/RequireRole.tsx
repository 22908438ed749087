import { Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { PATHS } from '../paths';
import { type SignedIn, useSession } from './session';

/**
 * A page for some roles: a visitor goes to sign-in (and comes back here after it); a person of
 * another role is told the page is not theirs. The API refuses them anyway: this only spares a
 * page of errors.
 */
export function RequireRole({
  roles,
  children,
}: {
  roles: readonly SignedIn['role'][];
  children: ReactNode;
}) {
  const { me } = useSession();
  const location = useLocation();
  if (me === undefined) return <Spin aria-label="Đang tải" />;
  if (me === null) {
    const next = encodeURIComponent(`${location.pathname}${location.search}`);
    return <Navigate to={`${PATHS.signIn}?next=${next}`} replace />;
  }
  if (!roles.includes(me.role)) {
    return (
      <Result
        status="403"
        title="Không có quyền truy cập"
        subTitle="Trang này dành cho vai trò khác. Vui lòng liên hệ Tổ thư ký nếu cần quyền."
      />
    );
  }
  return <>{children}</>;
}
