import { UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Form,
  Input,
  Modal,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ApiRequestError, asApiError } from '../api/api-error';
import { useApiErrorNotice } from '../api/use-api-error-notice';
import { PageTitle } from '../pages/PageTitle';
import {
  type AgencyFields,
  type AgencyRow,
  type ContactFields,
  createAgency,
  createContact,
  type ImportSummary,
  importFile,
  listAgencies,
  listContacts,
  type SecretariatContactRow,
  updateAgency,
  updateContact,
} from './contacts-api';
import { type Refusal, RefusalAlert, refusalOf } from './Refusal';

/** The API's refusal shown on the page (400/409/415/422), anything else as a notice. */
function useRefusal() {
  const showError = useApiErrorNotice();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const refuse = useCallback(
    (err: unknown) => {
      const error = asApiError(err);
      if ([400, 404, 409, 415, 422].includes(error.status)) setRefusal(refusalOf(error));
      else showError(error);
    },
    [showError],
  );
  return { refusal, setRefusal, refuse };
}

const importText = (what: string, s: ImportSummary) =>
  `Đã nhập ${what}: ${s.created.length} thêm mới, ${s.updated.length} cập nhật, ${s.unchanged.length} không đổi.`;

/** Null for an empty text field: the API clears it. */
const orNull = (value: string | undefined | null) => (value && value.trim() ? value.trim() : null);

function ImportButton({ label, onFile }: { label: string; onFile: (file: File) => void }) {
  return (
    <Upload
      accept=".xlsx,.csv,.json"
      showUploadList={false}
      maxCount={1}
      beforeUpload={(file) => {
        onFile(file);
        return false;
      }}
    >
      <Button icon={<UploadOutlined />}>{label}</Button>
    </Upload>
  );
}

function AgenciesTab() {
  const { message } = App.useApp();
  const { refusal, setRefusal, refuse } = useRefusal();
  const [rows, setRows] = useState<AgencyRow[] | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [editing, setEditing] = useState<AgencyRow | 'new' | null>(null);
  const [form] = Form.useForm<AgencyFields>();

  const reload = useCallback(async () => {
    try {
      setRows(await listAgencies());
    } catch (err) {
      if (err instanceof ApiRequestError) refuse(err);
      setRows([]);
    }
  }, [refuse]);
  useEffect(() => {
    void reload();
  }, [reload]);

  const open = (row: AgencyRow | 'new') => {
    setRefusal(null);
    setEditing(row);
    form.resetFields();
    if (row !== 'new') form.setFieldsValue(row);
  };

  const save = async (values: AgencyFields) => {
    const fields: AgencyFields = {
      name: values.name?.trim(),
      email: orNull(values.email),
      contactName: orNull(values.contactName),
      headName: orNull(values.headName),
      headTitle: orNull(values.headTitle),
      headEmail: orNull(values.headEmail),
    };
    try {
      const answer =
        editing === 'new'
          ? await createAgency({ ...fields, code: values.code?.trim() })
          : await updateAgency((editing as AgencyRow).code, fields);
      setEditing(null);
      setRefusal(null);
      void message.success(`Đã lưu cơ quan ${answer.name}.`);
      await reload();
    } catch (err) {
      refuse(err);
    }
  };

  const send = async (file: File) => {
    setSaved(null);
    setRefusal(null);
    try {
      setSaved(
        importText('danh sách cơ quan thẩm định', await importFile('/agencies/import', file)),
      );
      await reload();
    } catch (err) {
      refuse(err);
    }
  };

  return (
    <>
      <Space className="page-actions" wrap>
        <Button type="primary" onClick={() => open('new')}>
          Thêm cơ quan thẩm định
        </Button>
        <ImportButton
          label="Nhập tệp cơ quan (Excel, CSV hoặc JSON)"
          onFile={(f) => void send(f)}
        />
      </Space>
      {saved && (
        <Alert
          className="form-alert"
          type="success"
          showIcon
          closable={{ onClose: () => setSaved(null), 'aria-label': 'Đóng' }}
          title={saved}
        />
      )}
      {refusal && !editing && <RefusalAlert refusal={refusal} onClose={() => setRefusal(null)} />}
      <Table<AgencyRow>
        rowKey="code"
        loading={rows === null}
        dataSource={rows ?? []}
        pagination={false}
        columns={[
          { title: 'Mã', dataIndex: 'code' },
          { title: 'Tên', dataIndex: 'name' },
          { title: 'Địa chỉ thư', dataIndex: 'email', render: (v: string | null) => v ?? '—' },
          {
            title: 'Người đứng đầu',
            key: 'head',
            responsive: ['md'],
            render: (_, r) =>
              r.headName ? `${r.headTitle ? `${r.headTitle} ` : ''}${r.headName}` : '—',
          },
          {
            title: 'Trạng thái',
            key: 'status',
            render: (_, r) =>
              r.active ? (
                <Tag color="#135200">Đang hoạt động</Tag>
              ) : r.mergedInto ? (
                <Tag>Đã sáp nhập vào {r.mergedInto}</Tag>
              ) : (
                <Tag>Ngừng hoạt động</Tag>
              ),
          },
          {
            title: 'Thao tác',
            key: 'actions',
            render: (_, r) => (
              <Button size="small" onClick={() => open(r)}>
                Sửa
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? 'Thêm cơ quan thẩm định' : `Sửa cơ quan ${editing?.code ?? ''}`}
        okText="Lưu"
        cancelText="Hủy"
        onOk={() => form.submit()}
        onCancel={() => setEditing(null)}
        destroyOnHidden
      >
        {refusal && <RefusalAlert refusal={refusal} onClose={() => setRefusal(null)} />}
        <Form form={form} layout="vertical" onFinish={(v) => void save(v)}>
          {editing === 'new' && (
            <Form.Item name="code" label="Mã" rules={[{ required: true, message: 'Nhập mã.' }]}>
              <Input />
            </Form.Item>
          )}
          <Form.Item name="name" label="Tên" rules={[{ required: true, message: 'Nhập tên.' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="email" label="Địa chỉ thư thẩm định">
            <Input />
          </Form.Item>
          <Form.Item name="contactName" label="Người liên hệ">
            <Input />
          </Form.Item>
          <Form.Item name="headName" label="Người đứng đầu">
            <Input />
          </Form.Item>
          <Form.Item name="headTitle" label="Chức vụ người đứng đầu">
            <Input />
          </Form.Item>
          <Form.Item name="headEmail" label="Thư người đứng đầu">
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function ContactsTab() {
  const { message } = App.useApp();
  const { refusal, setRefusal, refuse } = useRefusal();
  const [rows, setRows] = useState<SecretariatContactRow[] | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [editing, setEditing] = useState<SecretariatContactRow | 'new' | null>(null);
  const [form] = Form.useForm<ContactFields>();

  const reload = useCallback(async () => {
    try {
      setRows(await listContacts());
    } catch (err) {
      if (err instanceof ApiRequestError) refuse(err);
      setRows([]);
    }
  }, [refuse]);
  useEffect(() => {
    void reload();
  }, [reload]);

  const open = (row: SecretariatContactRow | 'new') => {
    setRefusal(null);
    setEditing(row);
    form.resetFields();
    form.setFieldsValue(row === 'new' ? { isHead: false, active: true } : row);
  };

  const save = async (values: ContactFields) => {
    const fields: ContactFields = {
      name: values.name?.trim(),
      title: orNull(values.title),
      email: values.email?.trim(),
      phone: orNull(values.phone),
      isHead: Boolean(values.isHead),
      active: Boolean(values.active),
    };
    try {
      const answer =
        editing === 'new'
          ? await createContact(fields)
          : await updateContact((editing as SecretariatContactRow).id, fields);
      setEditing(null);
      setRefusal(null);
      void message.success(`Đã lưu ${answer.name}.`);
      await reload();
    } catch (err) {
      refuse(err);
    }
  };

  const send = async (file: File) => {
    setSaved(null);
    setRefusal(null);
    try {
      setSaved(
        importText('danh sách Tổ thư ký', await importFile('/secretariat-contacts/import', file)),
      );
      await reload();
    } catch (err) {
      refuse(err);
    }
  };

  return (
    <>
      <Space className="page-actions" wrap>
        <Button type="primary" onClick={() => open('new')}>
          Thêm thành viên Tổ thư ký
        </Button>
        <ImportButton
          label="Nhập tệp Tổ thư ký (Excel, CSV hoặc JSON)"
          onFile={(f) => void send(f)}
        />
      </Space>
      {saved && (
        <Alert
          className="form-alert"
          type="success"
          showIcon
          closable={{ onClose: () => setSaved(null), 'aria-label': 'Đóng' }}
          title={saved}
        />
      )}
      {refusal && !editing && <RefusalAlert refusal={refusal} onClose={() => setRefusal(null)} />}
      <Table<SecretariatContactRow>
        rowKey="id"
        loading={rows === null}
        dataSource={rows ?? []}
        pagination={false}
        columns={[
          { title: 'Họ tên', dataIndex: 'name' },
          { title: 'Chức vụ', dataIndex: 'title', render: (v: string | null) => v ?? '—' },
          { title: 'Thư', dataIndex: 'email' },
          {
            title: 'Điện thoại',
            dataIndex: 'phone',
            responsive: ['md'],
            render: (v: string | null) => v ?? '—',
          },
          {
            title: 'Tổ trưởng',
            dataIndex: 'isHead',
            render: (v: boolean) => (v ? <Tag color="#10239e">Tổ trưởng</Tag> : '—'),
          },
          {
            title: 'Trạng thái',
            dataIndex: 'active',
            render: (v: boolean) =>
              v ? <Tag color="#135200">Nhận thư</Tag> : <Tag>Ngừng nhận thư</Tag>,
          },
          {
            title: 'Thao tác',
            key: 'actions',
            render: (_, r) => (
              <Button size="small" onClick={() => open(r)}>
                Sửa
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? 'Thêm thành viên Tổ thư ký' : `Sửa ${editing?.name ?? ''}`}
        okText="Lưu"
        cancelText="Hủy"
        onOk={() => form.submit()}
        onCancel={() => setEditing(null)}
        destroyOnHidden
      >
        {refusal && <RefusalAlert refusal={refusal} onClose={() => setRefusal(null)} />}
        <Form form={form} layout="vertical" onFinish={(v) => void save(v)}>
          <Form.Item
            name="name"
            label="Họ tên"
            rules={[{ required: true, message: 'Nhập họ tên.' }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="title" label="Chức vụ">
            <Input />
          </Form.Item>
          <Form.Item
            name="email"
            label="Thư"
            rules={[{ required: true, message: 'Nhập địa chỉ thư.' }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="phone" label="Điện thoại">
            <Input />
          </Form.Item>
          <Form.Item name="isHead" valuePropName="checked">
            <Checkbox>Tổ trưởng (nhận thư báo trễ hạn)</Checkbox>
          </Form.Item>
          <Form.Item name="active" valuePropName="checked">
            <Checkbox>Nhận thư</Checkbox>
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/**
 * Danh bạ: the appraising agencies and the secretariat's contacts the mails go to. The API decides
 * every change and import; its refusals (each row of a file) are shown as it words them.
 */
export function ContactsPage() {
  return (
    <>
      <PageTitle tabTitle="Danh bạ">Danh bạ</PageTitle>
      <Typography.Paragraph>
        Cơ quan thẩm định và Tổ thư ký: thư nhắc việc, báo trễ hạn và báo cáo gửi theo danh bạ này.
      </Typography.Paragraph>
      <Tabs
        items={[
          { key: 'agencies', label: 'Cơ quan thẩm định', children: <AgenciesTab /> },
          { key: 'secretariat', label: 'Tổ thư ký', children: <ContactsTab /> },
        ]}
      />
    </>
  );
}
