import { Form, Input, Modal } from 'antd';
import { useState } from 'react';
import type { SignedIn } from '../session/session';
import type { Invitation } from './accounts-api';
import { RoleFields } from './RoleFields';

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
  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    try {
      const invitation: Invitation = {
        email: values.email.trim(),
        fullName: values.fullName.trim(),
        role: values.role,
        ...(values.role === 'unit' && { unitCode: values.unitCode }),
        ...(values.role === 'appraiser' && { agencyCode: values.agencyCode }),
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
        <RoleFields roles={roles} />
      </Form>
    </Modal>
  );
}
