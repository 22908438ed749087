import { KeyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ApiRequestError } from '../api/api-error';
import { useApiErrorNotice } from '../api/use-api-error-notice';
import { PageTitle } from '../pages/PageTitle';
import { formatInstant } from '../results/format';
import { ROLE_LABELS, type SignedIn, useSession } from '../session/session';
import { IssueTokenModal } from './IssueTokenModal';
import {
  type IssuedToken,
  issueToken,
  listTokens,
  revokeToken,
  type TokenRequest,
  type TokenRow,
} from './tokens-api';

const ALL_ROLES: readonly SignedIn['role'][] = [
  'secretariat',
  'unit',
  'appraiser',
  'council',
  'admin',
];

/** The status as the API reports it (dark colours on a light tint, for contrast). */
const STATUS: Record<TokenRow['status'], { label: string; color: string }> = {
  active: { label: 'Đang dùng được', color: '#237804' },
  expired: { label: 'Đã hết hạn', color: '#874d00' },
  revoked: { label: 'Đã thu hồi', color: '#a8071a' },
};

/**
 * Machine tokens for integrations: issue one (shown once, with a copy button), list them (only
 * their first characters), revoke one. The API decides who may issue or revoke what, and whether
 * a token still works (its status): its refusals are shown as it words them.
 */
export function TokensPage() {
  const { me } = useSession();
  const { message } = App.useApp();
  const showError = useApiErrorNotice();
  const [rows, setRows] = useState<TokenRow[] | null>(null);
  const [issuing, setIssuing] = useState(false);
  const [issued, setIssued] = useState<IssuedToken | null>(null);

  const reload = useCallback(async () => {
    try {
      setRows(await listTokens());
    } catch (err) {
      if (err instanceof ApiRequestError) showError(err);
      setRows([]);
    }
  }, [showError]);
  useEffect(() => {
    void reload();
  }, [reload]);

  const issue = async (request: TokenRequest) => {
    try {
      const answer = await issueToken(request);
      setIssuing(false);
      setIssued(answer);
      await reload();
      return true;
    } catch (err) {
      if (err instanceof ApiRequestError) showError(err);
      return false;
    }
  };

  const revoke = async (row: TokenRow) => {
    try {
      await revokeToken(row.id);
      void message.success(`Đã thu hồi mã truy cập «${row.name}».`);
      await reload();
    } catch (err) {
      if (err instanceof ApiRequestError) showError(err);
    }
  };

  return (
    <>
      <PageTitle tabTitle="Mã truy cập">Mã truy cập</PageTitle>
      <Typography.Paragraph>
        Mã truy cập cho phần mềm khác gọi API của hệ thống (gửi kèm tiêu đề{' '}
        <Typography.Text code>Authorization: Bearer …</Typography.Text>). Mã chỉ hiện một lần khi
        cấp; hệ thống chỉ lưu bản băm.
      </Typography.Paragraph>
      <Space className="page-actions">
        <Button type="primary" icon={<KeyOutlined />} onClick={() => setIssuing(true)}>
          Cấp mã truy cập
        </Button>
      </Space>
      <Table<TokenRow>
        rowKey="id"
        loading={rows === null}
        dataSource={rows ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: 'Tên', dataIndex: 'name' },
          {
            title: 'Vai trò',
            responsive: ['md'],
            dataIndex: 'role',
            render: (role: SignedIn['role'], t) =>
              `${ROLE_LABELS[role]}${t.unitCode ? ` — ${t.unitCode}` : ''}${t.agencyCode ? ` — ${t.agencyCode}` : ''}`,
          },
          {
            title: 'Mã (đầu)',
            responsive: ['md'],
            dataIndex: 'hint',
            render: (hint: string | null) =>
              hint ? (
                <Typography.Text code className="token-hint">{`${hint}…`}</Typography.Text>
              ) : (
                '—'
              ),
          },
          {
            title: 'Trạng thái',
            dataIndex: 'status',
            render: (status: TokenRow['status']) => (
              <Tag color={STATUS[status].color}>{STATUS[status].label}</Tag>
            ),
          },
          {
            title: 'Cấp lúc',
            responsive: ['md'],
            dataIndex: 'createdAt',
            render: (at: string, t) => (
              <>
                {formatInstant(at)}
                {t.createdBy && (
                  <>
                    <br />
                    <Typography.Text type="secondary">
                      {t.createdBy.replace(/\s*<[^>]*>$/, '')}
                    </Typography.Text>
                  </>
                )}
              </>
            ),
          },
          {
            title: 'Dùng gần nhất',
            responsive: ['md'],
            dataIndex: 'lastUsedAt',
            render: (at: string | null) => (at ? formatInstant(at) : '—'),
          },
          {
            title: 'Hết hạn',
            responsive: ['md'],
            dataIndex: 'expiresAt',
            render: (at: string | null) => (at ? formatInstant(at) : 'Không hết hạn'),
          },
          {
            title: 'Thao tác',
            key: 'actions',
            render: (_, t) =>
              t.status === 'revoked' ? (
                t.revokedAt && `Thu hồi ${formatInstant(t.revokedAt)}`
              ) : (
                <Popconfirm
                  title={`Thu hồi mã «${t.name}»?`}
                  description="Phần mềm dùng mã này bị từ chối ngay từ bây giờ."
                  okText="Thu hồi"
                  cancelText="Hủy"
                  onConfirm={() => void revoke(t)}
                >
                  <Button size="small" danger>
                    Thu hồi
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <IssueTokenModal
        open={issuing}
        roles={me?.role === 'admin' ? ALL_ROLES : ALL_ROLES.filter((r) => r !== 'admin')}
        onIssue={issue}
        onClose={() => setIssuing(false)}
      />
      <Modal
        open={issued !== null}
        title="Mã truy cập mới"
        okText="Tôi đã lưu mã"
        cancelButtonProps={{ style: { display: 'none' } }}
        onOk={() => setIssued(null)}
        onCancel={() => setIssued(null)}
        closable={false}
        mask={{ closable: false }}
        destroyOnHidden
      >
        {issued && (
          <>
            <Alert
              type="warning"
              showIcon
              className="form-alert"
              title="Mã chỉ hiện một lần"
              description="Hãy sao chép và lưu mã ngay: sau khi đóng hộp này, không ai xem lại được mã."
            />
            <Typography.Paragraph>
              Mã cho «{issued.record.name}» ({ROLE_LABELS[issued.record.role]}):
            </Typography.Paragraph>
            <Typography.Paragraph
              code
              copyable={{ text: issued.token, tooltips: ['Sao chép', 'Đã sao chép'] }}
              className="issued-token"
            >
              {issued.token}
            </Typography.Paragraph>
          </>
        )}
      </Modal>
    </>
  );
}
