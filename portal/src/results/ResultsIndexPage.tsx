import { Button, Form, Input, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { resultsPath } from '../paths';
import { PageTitle } from '../pages/PageTitle';

interface Lookup {
  campaign: string;
}

/** Where the "Kết quả" menu leads: the published results of a campaign, by its code. */
export function ResultsIndexPage() {
  const navigate = useNavigate();
  return (
    <>
      <PageTitle tabTitle="Kết quả">Kết quả Chỉ số CCHC</PageTitle>
      <Typography.Paragraph>
        Kết quả được công khai sau khi có quyết định công bố của Chủ tịch UBND tỉnh. Nhập mã chiến
        dịch (ví dụ <Typography.Text code>vinhlong-2021</Typography.Text>) để xem bảng xếp hạng.
      </Typography.Paragraph>
      <Form<Lookup>
        layout="inline"
        onFinish={({ campaign }) => void navigate(resultsPath(campaign.trim()))}
      >
        <Form.Item
          name="campaign"
          label="Mã chiến dịch"
          rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập mã chiến dịch.' }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            Xem kết quả
          </Button>
        </Form.Item>
      </Form>
    </>
  );
}
