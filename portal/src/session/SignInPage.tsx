import { Alert, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { type ApiRequestError, asApiError } from '../api/api-error';
import { PageTitle } from '../pages/PageTitle';
import { PATHS } from '../paths';
import { useSession } from './session';

interface SignInForm {
  email: string;
  password: string;
}

/** Only a path inside the portal may be where sign-in leads (never another site). */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : PATHS.myWork;
}

/** Sign-in by e-mail and password; then straight to the page the person came for (`?next=`). */
export function SignInPage() {
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<ApiRequestError | null>(null);
  const [busy, setBusy] = useState(false);
  const passwordJustSet = params.get('da-dat-mat-khau') === '1';

  const onFinish = async (values: SignInForm) => {
    setBusy(true);
    setError(null);
    try {
      await signIn(values.email.trim(), values.password);
      void navigate(safeNext(params.get('next')), { replace: true });
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle tabTitle="Đăng nhập">Đăng nhập</PageTitle>
      <Card className="narrow-card">
        {passwordJustSet && (
          <Alert
            type="success"
            showIcon
            className="form-alert"
            title="Đã đặt mật khẩu. Vui lòng đăng nhập bằng địa chỉ thư điện tử và mật khẩu mới."
          />
        )}
        {error && (
          <Alert
            type="error"
            showIcon
            className="form-alert"
            title={error.title}
            description={error.detail}
          />
        )}
        <Form<SignInForm>
          layout="vertical"
          onFinish={(values) => void onFinish(values)}
          requiredMark={false}
        >
          <Form.Item
            label="Địa chỉ thư điện tử"
            name="email"
            rules={[{ required: true, message: 'Vui lòng nhập địa chỉ thư điện tử.' }]}
          >
            <Input type="email" autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            label="Mật khẩu"
            name="password"
            rules={[{ required: true, message: 'Vui lòng nhập mật khẩu.' }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} block>
            Đăng nhập
          </Button>
        </Form>
      </Card>
    </>
  );
}
