import { Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { ROLE_LABELS, type SignedIn } from '../session/session';
import type { Invitation } from './accounts-api';

/** The invitation form: who, in which role, for which unit or agency. */
export function InviteAccountModal({
  open,
  roles,
  onInvite,
  onClose,
}: {
  open: boolean;
  /** The roles the inviter may give (only an admin invites an admin). */
  roles: readonly SignedIn['role'][];
  onInvite: (invitation: Invitation) => Promise<boolean>;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Invitation>();
  const [busy, setBusy] = useState(false);
  const role = Form.useWatch('role', form);
  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    try {
      const invitation: Invitation = {
        email: values.email.trim(),
        fullName: values.fullName.trim(),
        role: values.role,
        ...(values.role === 'unit' && { unitCode: values.unitCode?.trim().toUpperCase() }),
        ...(values.role === 'appraiser' && {
          agencyCode: values.agencyCode?.trim().toUpperCase(),
        }),
      };
      if (await onInvite(invitation)) form.resetFields();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title="Mời tài khoản"
      okText="Gửi thư mời"
      cancelText="Hủy"
      confirmLoading={busy}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" requiredMark={false} initialValues={{ role: 'unit' }}>
        <Form.Item
          label="Họ và tên"
          name="fullName"
          rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập họ và tên.' }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          label="Địa chỉ thư điện tử"
          name="email"
          rules={[
            { required: true, message: 'Vui lòng nhập địa chỉ thư điện tử.' },
            { type: 'email', message: 'Địa chỉ thư điện tử không hợp lệ.' },
          ]}
        >
          <Input type="email" autoComplete="off" />
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
      </Form>
    </Modal>
  );
}
