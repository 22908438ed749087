import { Result } from 'antd';

/** A page of the menu that later steps of issue 14 fill in (it needs sign-in). */
export function ComingSoon({ what }: { what: string }) {
  return (
    <Result
      status="info"
      title="Trang đang được xây dựng"
      subTitle={`${what} sẽ có tại đây khi đăng nhập bằng tài khoản cá nhân.`}
    />
  );
}
