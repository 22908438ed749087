import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  InputNumber,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ApiRequestError, asApiError } from '../api/api-error';
import { useApiErrorNotice } from '../api/use-api-error-notice';
import { PageTitle } from '../pages/PageTitle';
import { formatInstant } from '../results/format';
import {
  calendarTemplatePath,
  type CalendarYearRow,
  deleteCalendarYear,
  importCalendarYear,
  listCalendarYears,
} from './calendar-api';

type Outcome =
  | { kind: 'saved'; text: string }
  | { kind: 'refused'; title: string; detail: string; problems: readonly string[] };

/**
 * Lịch ngày làm việc: the years the reminders are planned with (built-in, or loaded by the
 * secretariat), the workbook to fill in, the import of a .json or .xlsx file. The API checks the
 * file and decides; its refusals (every problem, with sheet, row and column) are shown as it
 * words them.
 */
export function CalendarYearsPage() {
  const { message } = App.useApp();
  const showError = useApiErrorNotice();
  const [rows, setRows] = useState<CalendarYearRow[] | null>(null);
  const [year, setYear] = useState<number>(new Date().getFullYear() + 1);
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const reload = useCallback(async () => {
    try {
      setRows(await listCalendarYears());
    } catch (err) {
      if (err instanceof ApiRequestError) showError(err);
      setRows([]);
    }
  }, [showError]);
  useEffect(() => {
    void reload();
  }, [reload]);

  const send = async (file: File) => {
    setSending(true);
    setOutcome(null);
    try {
      const saved = await importCalendarYear(file);
      const replaced =
        saved.replaced === 'built-in'
          ? ' (thay cho lịch có sẵn)'
          : saved.replaced === 'data'
            ? ' (thay cho lịch đã nạp trước)'
            : '';
      setOutcome({
        kind: 'saved',
        text: `Đã nạp lịch năm ${saved.year}${replaced}: ${saved.daysOff} ngày nghỉ, ${saved.makeUpWorkingDays} ngày làm bù.`,
      });
      void message.success(`Đã nạp lịch năm ${saved.year}.`);
      await reload();
    } catch (err) {
      const error = asApiError(err);
      if (error.status === 422 || error.status === 400 || error.status === 415) {
        setOutcome({
          kind: 'refused',
          title: error.title,
          detail: error.detail,
          problems: error.fields.map((f) => f.message),
        });
      } else showError(error);
    } finally {
      setSending(false);
    }
  };

  const remove = async (row: CalendarYearRow) => {
    try {
      const answer = await deleteCalendarYear(row.year);
      void message.success(
        answer.nowInForce === 'built-in'
          ? `Đã xoá lịch năm ${row.year} đã nạp: dùng lại lịch có sẵn.`
          : `Đã xoá lịch năm ${row.year}: nhắc việc năm đó được lập theo thứ Hai–thứ Sáu.`,
      );
      await reload();
    } catch (err) {
      if (err instanceof ApiRequestError) showError(err);
    }
  };

  return (
    <>
      <PageTitle tabTitle="Lịch ngày làm việc">Lịch ngày làm việc</PageTitle>
      <Typography.Paragraph>
        Ngày nghỉ lễ, Tết, ngày nghỉ bù và ngày làm bù của từng năm, dùng để lập lịch nhắc việc. Năm
        chưa có lịch được lập theo thứ Hai–thứ Sáu (chưa tính ngày lễ). Lịch được nạp thay cho lịch
        có sẵn của cùng năm, từ đợt nhắc việc tiếp theo.
      </Typography.Paragraph>
      <Space className="page-actions" wrap>
        <Space.Compact>
          <InputNumber
            aria-label="Năm của tệp mẫu"
            min={1900}
            max={9999}
            value={year}
            onChange={(value) => value !== null && setYear(value)}
          />
          <Button icon={<DownloadOutlined />} href={calendarTemplatePath(year)} download>
            Tải tệp mẫu Excel năm {year}
          </Button>
        </Space.Compact>
        <Upload
          accept=".xlsx,.json"
          showUploadList={false}
          maxCount={1}
          beforeUpload={(file) => {
            void send(file);
            return false;
          }}
        >
          <Button type="primary" icon={<UploadOutlined />} loading={sending}>
            Nhập tệp lịch (Excel hoặc JSON)
          </Button>
        </Upload>
      </Space>
      {outcome?.kind === 'saved' && (
        <Alert
          className="form-alert"
          type="success"
          showIcon
          closable={{ onClose: () => setOutcome(null), 'aria-label': 'Đóng' }}
          title={outcome.text}
        />
      )}
      {outcome?.kind === 'refused' && (
        <Alert
          className="form-alert"
          type="error"
          showIcon
          closable={{ onClose: () => setOutcome(null), 'aria-label': 'Đóng' }}
          title={outcome.title}
          description={
            outcome.problems.length > 0 ? (
              <>
                <p>Tệp có {outcome.problems.length} lỗi; chưa có gì được lưu. Sửa rồi nhập lại:</p>
                <ul>
                  {outcome.problems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              </>
            ) : (
              outcome.detail
            )
          }
        />
      )}
      <Table<CalendarYearRow>
        rowKey="year"
        loading={rows === null}
        dataSource={rows ?? []}
        pagination={false}
        columns={[
          { title: 'Năm', dataIndex: 'year' },
          {
            title: 'Nguồn',
            dataIndex: 'origin',
            render: (origin: CalendarYearRow['origin'], r) => (
              <>
                {origin === 'data' ? 'Đã nạp' : 'Có sẵn'}{' '}
                {r.provisional && <Tag color="#874d00">Tạm tính</Tag>}
              </>
            ),
          },
          { title: 'Phạm vi', dataIndex: 'scope', responsive: ['lg'] },
          {
            title: 'Văn bản căn cứ',
            dataIndex: 'sourceDecision',
            render: (text: string | null) => text ?? '—',
          },
          { title: 'Ngày nghỉ', dataIndex: 'daysOff', responsive: ['md'] },
          { title: 'Ngày làm bù', dataIndex: 'makeUpWorkingDays', responsive: ['md'] },
          {
            title: 'Nạp lúc',
            dataIndex: 'updatedAt',
            responsive: ['md'],
            render: (at: string | null, r) =>
              at ? `${formatInstant(at)}${r.updatedBy ? ` — ${r.updatedBy}` : ''}` : '—',
          },
          {
            title: 'Thao tác',
            key: 'actions',
            render: (_, r) => (
              <Space wrap>
                <Button size="small" href={calendarTemplatePath(r.year)} download>
                  Tải Excel
                </Button>
                {r.origin === 'data' && (
                  <Popconfirm
                    title={`Xoá lịch năm ${r.year} đã nạp?`}
                    description={
                      r.builtIn
                        ? 'Lịch có sẵn của năm này được dùng lại.'
                        : 'Năm này sẽ chưa có lịch: nhắc việc được lập theo thứ Hai–thứ Sáu.'
                    }
                    okText="Xoá"
                    cancelText="Hủy"
                    onConfirm={() => void remove(r)}
                  >
                    <Button size="small" danger>
                      Xoá
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
