import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { PATHS } from '../paths';
import { PageTitle } from './PageTitle';

export function NotFoundPage() {
  const navigate = useNavigate();
  return (
    <>
      <PageTitle tabTitle="Không tìm thấy trang">Không tìm thấy trang</PageTitle>
      <Result
        status="404"
        title="404"
        subTitle="Địa chỉ này không có trong cổng thông tin. Có thể đường liên kết đã cũ hoặc bị gõ sai."
        extra={
          <Button type="primary" onClick={() => void navigate(PATHS.myWork)}>
            Về trang Việc của tôi
          </Button>
        }
      />
    </>
  );
}
