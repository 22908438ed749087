import { Form, Modal } from 'antd';
import { useState } from 'react';
import type { SignedIn } from '../session/session';
import type { AccountRow, RoleChange } from './accounts-api';
import { RoleFields } from './RoleFields';

/** Changes an account's role, and the unit or agency it acts for; the API checks the rest. */
export function ChangeRoleModal({
  account,
  roles,
  onChange,
  onClose,
}: {
  /** The account being changed; the modal is closed when null. */
  account: AccountRow | null;
  roles: readonly SignedIn['role'][];
  onChange: (account: AccountRow, change: RoleChange) => Promise<boolean>;
  onClose: () => void;
}) {
  const [form] = Form.useForm<RoleChange>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!account) return;
    const values = await form.validateFields();
    setBusy(true);
    try {
      await onChange(account, {
        role: values.role,
        unitCode: values.role === 'unit' ? (values.unitCode ?? null) : null,
        agencyCode: values.role === 'appraiser' ? (values.agencyCode ?? null) : null,
      });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={account !== null}
      title={account ? `Đổi vai trò: ${account.fullName}` : ''}
      okText="Lưu"
      cancelText="Hủy"
      confirmLoading={busy}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
    >
      {account && (
        <Form
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={{
            role: account.role,
            unitCode: account.unitCode ?? undefined,
            agencyCode: account.agencyCode ?? undefined,
          }}
        >
          <RoleFields roles={roles} />
        </Form>
      )}
    </Modal>
  );
}
