import { Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { formatLocalDate } from '../results/format';
import { ROLE_LABELS, type SignedIn } from '../session/session';
import { dayAfterToday, type TokenRequest } from './tokens-api';

/** How long a new token works: a choice of days (0: it never expires). */
const VALIDITY = [
  { value: 30, label: '30 ngày' },
  { value: 90, label: '90 ngày' },
  { value: 180, label: '6 tháng' },
  { value: 365, label: '1 năm' },
  { value: 730, label: '2 năm' },
  { value: 0, label: 'Không hết hạn' },
];

interface Values {
  name: string;
  role: SignedIn['role'];
  unitCode?: string;
  agencyCode?: string;
  validity: number;
}

/** The form of a new machine token: who holds it, its role, its unit or agency, its expiry. */
export function IssueTokenModal({
  open,
  roles,
  onIssue,
  onClose,
}: {
  open: boolean;
  /** The roles the person may give (only an admin issues an admin token). */
  roles: readonly SignedIn['role'][];
  onIssue: (request: TokenRequest) => Promise<boolean>;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const role = Form.useWatch('role', form);
  const validity = Form.useWatch('validity', form);
  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    try {
      const request: TokenRequest = {
        name: values.name.trim(),
        role: values.role,
        ...(values.role === 'unit' && { unitCode: values.unitCode?.trim().toUpperCase() }),
        ...(values.role === 'appraiser' && {
          agencyCode: values.agencyCode?.trim().toUpperCase(),
        }),
        ...(values.validity > 0 && { expiresOn: dayAfterToday(values.validity) }),
      };
      if (await onIssue(request)) form.resetFields();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title="Cấp mã truy cập"
      okText="Cấp mã"
      cancelText="Hủy"
      confirmLoading={busy}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ role: 'secretariat', validity: 365 }}
      >
        <Form.Item
          label="Tên (phần mềm hoặc người giữ mã)"
          name="name"
          extra="Ví dụ: Phần mềm một cửa tỉnh. Tên này hiện trong nhật ký."
          rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập tên.' }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label="Vai trò" name="role" rules={[{ required: true }]}>
          <Select
            options={roles.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
            aria-label="Vai trò"
          />
        </Form.Item>
        {role === 'unit' && (
          <Form.Item
            label="Mã đơn vị"
            name="unitCode"
            extra="Ví dụ: SNV (Sở Nội vụ)."
            rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập mã đơn vị.' }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
        )}
        {role === 'appraiser' && (
          <Form.Item
            label="Mã cơ quan thẩm định"
            name="agencyCode"
            rules={[
              { required: true, whitespace: true, message: 'Vui lòng nhập mã cơ quan thẩm định.' },
            ]}
          >
            <Input autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item label="Thời hạn" name="validity">
          <Select options={VALIDITY} aria-label="Thời hạn" />
        </Form.Item>
        <Typography.Paragraph type="secondary">
          {validity
            ? `Mã dùng được đến hết ngày ${formatLocalDate(dayAfterToday(validity))}.`
            : 'Mã dùng được cho đến khi bị thu hồi.'}
        </Typography.Paragraph>
      </Form>
    </Modal>
  );
}
