import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { formatPoints } from '../results/format';
import { type ImportIssue, importSurveyScores, type SurveyImportSummary } from './results-api';
import { useAct } from './use-act';

/** The rows an import refused (422 `errors`), from the API's answer. */
function issuesOf(body: unknown): ImportIssue[] {
  const errors = (body as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors)) return [];
  return errors.filter(
    (e): e is ImportIssue =>
      typeof e === 'object' && e !== null && typeof (e as ImportIssue).message === 'string',
  );
}

/**
 * Survey points (điều tra xã hội học): a file with a row per unit and survey criterion. The API
 * checks every row first and imports nothing when one is wrong: its rows at fault are listed.
 */
export function SurveyPanel({ campaign }: { campaign: string }) {
  const { act, busy } = useAct();
  const [summary, setSummary] = useState<SurveyImportSummary | null>(null);
  const [refused, setRefused] = useState<{ detail: string; issues: ImportIssue[] } | null>(null);

  const send = async (file: File) => {
    setSummary(null);
    setRefused(null);
    const done = await act('import', () => importSurveyScores(campaign, file), {
      done: `Đã nhập điểm điều tra từ tệp ${file.name}.`,
      onError: (error) => {
        const issues = issuesOf(error.body);
        if (issues.length === 0) return false;
        setRefused({ detail: error.detail, issues });
        return true;
      },
    });
    if (done) setSummary(done);
  };

  return (
    <Space orientation="vertical" size={16} className="full-width">
      <Typography.Paragraph className="panel-intro">
        Tệp Excel (.xlsx), CSV (dấu phẩy hoặc chấm phẩy) hoặc JSON, mỗi dòng một đơn vị và một tiêu
        chí điều tra xã hội học, với các cột <code>unit_code</code> (mã đơn vị),{' '}
        <code>criterion_code</code> (mã tiêu chí) và <code>points</code> (điểm). Hệ thống kiểm tra
        mọi dòng trước: có dòng sai thì không nhập dòng nào. Nhập lại thay điểm cũ của cùng đơn vị
        và tiêu chí; kết quả đã tính được tính lại.
      </Typography.Paragraph>
      <Upload
        accept=".xlsx,.csv,.json"
        maxCount={1}
        showUploadList={false}
        beforeUpload={(file) => {
          void send(file);
          return false;
        }}
      >
        <Button type="primary" icon={<UploadOutlined />} loading={busy === 'import'}>
          Chọn tệp điểm điều tra
        </Button>
      </Upload>
      {summary && (
        <Alert
          type="success"
          showIcon
          title={`Đã nhập ${summary.imported} dòng cho ${summary.units} đơn vị`}
          description={[
            `${summary.created} dòng mới, ${summary.updated} dòng thay điểm cũ.`,
            summary.rounded.length > 0
              ? `Làm tròn đến hai chữ số thập phân: ${summary.rounded
                  .map((r) => `dòng ${r.row} (${r.from} → ${formatPoints(r.to)})`)
                  .join(', ')}.`
              : '',
            summary.resultsRecomputed ? 'Kết quả đã tính được tính lại.' : '',
          ]
            .filter(Boolean)
            .join(' ')}
        />
      )}
      {refused && (
        <>
          <Alert
            type="error"
            showIcon
            title={`Tệp có ${refused.issues.length} lỗi, chưa nhập dòng nào`}
            description={refused.detail}
          />
          <Table<ImportIssue & { key: number }>
            size="small"
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            dataSource={refused.issues.map((issue, key) => ({ ...issue, key }))}
            columns={[
              { title: 'Dòng', dataIndex: 'row', width: 70 },
              { title: 'Cột', dataIndex: 'field', width: 140 },
              { title: 'Lỗi', dataIndex: 'message' },
            ]}
          />
        </>
      )}
    </Space>
  );
}
