import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { ImportRowError } from './secretariat-api';

/**
 * What the API lets the secretariat prepare while the campaign is a draft: units added, and the
 * index sets imported from a file (a 422 lists every row's problem, shown here as the API words
 * them). Whether the campaign is still a draft is the API's to say (409 otherwise).
 */
export function DraftSetup({
  onAdd,
  onImport,
}: {
  /** One or many unit codes (many: all or nothing, as the API decides). */
  onAdd: (unitCodes: string[]) => Promise<boolean>;
  onImport: (
    file: File,
  ) => Promise<{ ok: boolean; rows: readonly ImportRowError[]; summary: string }>;
}) {
  const [code, setCode] = useState('');
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const [result, setResult] = useState<{
    ok: boolean;
    rows: readonly ImportRowError[];
    summary: string;
  } | null>(null);

  const add = async () => {
    // Codes pasted from a list: separated by commas, semicolons, spaces or line breaks.
    const codes = code
      .split(/[\s,;]+/)
      .map((c) => c.trim().toUpperCase())
      .filter(Boolean);
    if (codes.length === 0) return;
    setAdding(true);
    try {
      if (await onAdd(codes)) setCode('');
    } finally {
      setAdding(false);
    }
  };

  return (
    <Card size="small" title="Chuẩn bị chiến dịch (bản nháp)" className="draft-setup">
      <Space wrap align="end">
        <label>
          <Typography.Text>
            Thêm đơn vị tham gia (một hoặc nhiều mã, cách nhau bởi dấu phẩy)
          </Typography.Text>
          <Input
            value={code}
            onChange={(e) => setCode(e.target.value)}
            onPressEnter={() => void add()}
            placeholder="Ví dụ: SNV, STP, STC"
            className="units-select"
          />
        </label>
        <Button onClick={() => void add()} loading={adding}>
          Thêm đơn vị
        </Button>
        <Upload
          accept=".xlsx,.json"
          showUploadList={false}
          beforeUpload={(file) => {
            setImporting(true);
            void onImport(file)
              .then(setResult)
              .finally(() => setImporting(false));
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={importing}>
            Nhập bộ chỉ số (.xlsx, .json)
          </Button>
        </Upload>
      </Space>
      {result && (
        <Alert
          className="import-result"
          type={result.ok ? 'success' : 'error'}
          showIcon
          title={result.summary}
          description={
            result.rows.length > 0 ? (
              <ul className="secretariat-lines">
                {result.rows.map((row, i) => (
                  <li key={i}>{row.message}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}
    </Card>
  );
}
