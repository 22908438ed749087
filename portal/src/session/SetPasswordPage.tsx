import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { type ApiRequestError, asApiError } from '../api/api-error';
import { apiPost } from '../api/client';
import { PageTitle } from '../pages/PageTitle';
import { PATHS } from '../paths';

/** The API's rule (SetPasswordDto): at least 10 characters. */
const PASSWORD_MIN_LENGTH = 10;

interface SetPasswordForm {
  password: string;
  confirm: string;
}

/** Where an invitation or a reset link leads: the person chooses a password, then signs in. */
export function SetPasswordPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const token = params.get('token') ?? '';
  const [error, setError] = useState<ApiRequestError | null>(null);
  const [busy, setBusy] = useState(false);

  const onFinish = async (values: SetPasswordForm) => {
    setBusy(true);
    setError(null);
    try {
      await apiPost('/auth/password', { token, password: values.password });
      void navigate(`${PATHS.signIn}?da-dat-mat-khau=1`, { replace: true });
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle tabTitle="Đặt mật khẩu">Đặt mật khẩu</PageTitle>
      <Card className="narrow-card">
        {!token ? (
          <Alert
            type="warning"
            showIcon
            title="Liên kết không đầy đủ"
            description="Vui lòng mở đúng liên kết trong thư mời hoặc thư đặt lại mật khẩu."
          />
        ) : (
          <>
            <Typography.Paragraph>
              Mật khẩu có ít nhất {PASSWORD_MIN_LENGTH} ký tự. Liên kết chỉ dùng được một lần.
            </Typography.Paragraph>
            {error && (
              <Alert
                type="error"
                showIcon
                className="form-alert"
                title={error.title}
                description={[error.detail, ...error.fields.map((f) => f.message)].join(' ')}
              />
            )}
            <Form<SetPasswordForm>
              layout="vertical"
              onFinish={(values) => void onFinish(values)}
              requiredMark={false}
            >
              <Form.Item
                label="Mật khẩu mới"
                name="password"
                rules={[
                  { required: true, message: 'Vui lòng nhập mật khẩu.' },
                  {
                    min: PASSWORD_MIN_LENGTH,
                    message: `Mật khẩu cần ít nhất ${PASSWORD_MIN_LENGTH} ký tự.`,
                  },
                ]}
              >
                <Input.Password autoComplete="new-password" autoFocus />
              </Form.Item>
              <Form.Item
                label="Nhập lại mật khẩu"
                name="confirm"
                dependencies={['password']}
                rules={[
                  { required: true, message: 'Vui lòng nhập lại mật khẩu.' },
                  ({ getFieldValue }) => ({
                    validator: (_, value) =>
                      !value || value === getFieldValue('password')
                        ? Promise.resolve()
                        : Promise.reject(new Error('Hai mật khẩu không giống nhau.')),
                  }),
                ]}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={busy} block>
                Đặt mật khẩu
              </Button>
            </Form>
          </>
        )}
      </Card>
    </>
  );
}
