import { UserAddOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ApiRequestError } from '../api/api-error';
import { useApiErrorNotice } from '../api/use-api-error-notice';
import { PageTitle } from '../pages/PageTitle';
import { formatInstant } from '../results/format';
import { ROLE_LABELS, type SignedIn, useSession } from '../session/session';
import {
  type AccountRow,
  changeAccountRole,
  type Invitation,
  type RoleChange,
  inviteAccount,
  listAccounts,
  reinviteAccount,
  setAccountDisabled,
} from './accounts-api';
import { ChangeRoleModal } from './ChangeRoleModal';
import { InviteAccountModal } from './InviteAccountModal';

const ALL_ROLES: readonly SignedIn['role'][] = [
  'unit',
  'appraiser',
  'council',
  'secretariat',
  'admin',
];

/** Dark colours: the tag writes its text in them on a light tint (antd's presets miss WCAG AA). */
function statusOf(account: AccountRow) {
  if (account.disabled) return <Tag color="#a8071a">Đã khóa</Tag>;
  if (!account.passwordSet) return <Tag color="#874d00">Chờ đặt mật khẩu</Tag>;
  return <Tag color="#237804">Đang hoạt động</Tag>;
}

/**
 * The secretariat's accounts: who may sign in, in which role, for which unit or agency; invite,
 * send the invitation again, lock and unlock. The API decides who may do what (AccountsService):
 * its refusals are shown as it words them.
 */
export function AccountsPage() {
  const { me } = useSession();
  const { message } = App.useApp();
  const showError = useApiErrorNotice();
  const [rows, setRows] = useState<AccountRow[] | null>(null);
  const [inviting, setInviting] = useState(false);
  const [changing, setChanging] = useState<AccountRow | null>(null);
  const grantable = me?.role === 'admin' ? ALL_ROLES : ALL_ROLES.filter((r) => r !== 'admin');

  const reload = useCallback(async () => {
    try {
      setRows(await listAccounts());
    } catch (err) {
      if (err instanceof ApiRequestError) showError(err);
      setRows([]);
    }
  }, [showError]);
  useEffect(() => {
    void reload();
  }, [reload]);

  /** Runs an action; shows the API's refusal; reloads the list. */
  const act = async (work: () => Promise<unknown>, done: string): Promise<boolean> => {
    try {
      await work();
      void message.success(done);
      await reload();
      return true;
    } catch (err) {
      if (err instanceof ApiRequestError) showError(err);
      return false;
    }
  };

  const invite = async (invitation: Invitation) => {
    const ok = await act(
      () => inviteAccount(invitation),
      `Đã gửi thư mời tới ${invitation.email}.`,
    );
    if (ok) setInviting(false);
    return ok;
  };

  const changeRole = async (account: AccountRow, change: RoleChange) => {
    const ok = await act(
      () => changeAccountRole(account.id, change),
      `Đã đổi vai trò của ${account.email}.`,
    );
    if (ok) setChanging(null);
    return ok;
  };

  return (
    <>
      <PageTitle tabTitle="Tài khoản">Tài khoản</PageTitle>
      <Space className="page-actions">
        <Button type="primary" icon={<UserAddOutlined />} onClick={() => setInviting(true)}>
          Mời tài khoản
        </Button>
      </Space>
      <Table<AccountRow>
        rowKey="id"
        loading={rows === null}
        dataSource={rows ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 900 }}
        columns={[
          { title: 'Họ và tên', dataIndex: 'fullName' },
          { title: 'Thư điện tử', dataIndex: 'email' },
          {
            title: 'Vai trò',
            dataIndex: 'role',
            render: (role: SignedIn['role'], a) =>
              `${ROLE_LABELS[role]}${a.unitCode ? ` — ${a.unitCode}` : ''}${a.agencyCode ? ` — ${a.agencyCode}` : ''}`,
          },
          { title: 'Trạng thái', key: 'status', render: (_, a) => statusOf(a) },
          {
            title: 'Đăng nhập gần nhất',
            dataIndex: 'lastSignInAt',
            render: (at: string | null) => (at ? formatInstant(at) : '—'),
          },
          {
            title: 'Thao tác',
            key: 'actions',
            render: (_, a) => (
              <Space wrap>
                {!a.passwordSet && !a.disabled && (
                  <Button
                    size="small"
                    onClick={() =>
                      void act(() => reinviteAccount(a.id), `Đã gửi lại thư mời tới ${a.email}.`)
                    }
                  >
                    Gửi lại thư mời
                  </Button>
                )}
                <Button size="small" onClick={() => setChanging(a)}>
                  Đổi vai trò
                </Button>
                {a.disabled ? (
                  <Button
                    size="small"
                    onClick={() =>
                      void act(() => setAccountDisabled(a.id, false), `Đã mở khóa ${a.email}.`)
                    }
                  >
                    Mở khóa
                  </Button>
                ) : (
                  <Popconfirm
                    title={`Khóa tài khoản ${a.email}?`}
                    description="Người này bị đăng xuất ngay và không đăng nhập được nữa."
                    okText="Khóa"
                    cancelText="Hủy"
                    onConfirm={() =>
                      void act(() => setAccountDisabled(a.id, true), `Đã khóa ${a.email}.`)
                    }
                  >
                    <Button size="small" danger>
                      Khóa
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <InviteAccountModal
        open={inviting}
        roles={grantable}
        onInvite={invite}
        onClose={() => setInviting(false)}
      />
      <ChangeRoleModal
        account={changing}
        roles={grantable}
        onChange={changeRole}
        onClose={() => setChanging(null)}
      />
    </>
  );
}
