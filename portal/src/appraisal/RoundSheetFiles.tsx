import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space, Upload } from 'antd';
import { useState } from 'react';
import { asApiError } from '../api/api-error';
import { useApiErrorNotice } from '../api/use-api-error-notice';
import {
  importRoundSheet,
  type Round,
  roundSheetPath,
  type SheetImport,
  SheetImportError,
  type SheetRowProblem,
} from './appraisal-api';

type Outcome =
  | { kind: 'saved'; result: SheetImport }
  | { kind: 'refused'; title: string; detail: string; rejected: readonly SheetRowProblem[] };

/**
 * The round's scores as an Excel file: download it, fill it in, send it back. The API checks
 * every row and saves all or nothing; its answer (what was saved, or each refused row with its
 * cell) is shown as it words it.
 */
export function RoundSheetFiles({
  campaign,
  round,
  onImported,
}: {
  campaign: string;
  round: Round;
  onImported: () => void;
}) {
  const { message } = App.useApp();
  const showError = useApiErrorNotice();
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const send = async (file: File) => {
    setSending(true);
    setOutcome(null);
    try {
      const result = await importRoundSheet(campaign, round, file);
      setOutcome({ kind: 'saved', result });
      void message.success(`Đã nhập bảng điểm: lưu ${result.saved.length} điểm.`);
      onImported();
    } catch (err) {
      if (err instanceof SheetImportError) {
        setOutcome({
          kind: 'refused',
          title: err.error.title,
          detail: err.error.detail,
          rejected: err.rejected,
        });
      } else {
        showError(asApiError(err));
      }
    } finally {
      setSending(false);
    }
  };

  return (
    <div className="appraisal-files">
      <Space wrap>
        <Button icon={<DownloadOutlined />} href={roundSheetPath(campaign, round)} download>
          Tải bảng điểm lần {round} (Excel)
        </Button>
        <Upload
          accept=".xlsx"
          showUploadList={false}
          maxCount={1}
          beforeUpload={(file) => {
            void send(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={sending}>
            Nhập bảng điểm lần {round}
          </Button>
        </Upload>
      </Space>
      {outcome?.kind === 'saved' && (
        <Alert
          className="appraisal-files-outcome"
          type="success"
          showIcon
          closable={{ onClose: () => setOutcome(null), 'aria-label': 'Đóng' }}
          title={`Đã nhập “${outcome.result.fileName}”: lưu ${outcome.result.saved.length} điểm`}
          description={`${outcome.result.unchanged} dòng không thay đổi, ${outcome.result.empty} dòng để trống (chưa chấm).`}
        />
      )}
      {outcome?.kind === 'refused' && (
        <Alert
          className="appraisal-files-outcome"
          type="error"
          showIcon
          closable={{ onClose: () => setOutcome(null), 'aria-label': 'Đóng' }}
          title={outcome.title}
          description={
            outcome.rejected.length > 0 ? (
              <>
                <p>
                  Bảng điểm có {outcome.rejected.length} dòng bị từ chối; chưa lưu điểm nào. Sửa các
                  dòng dưới đây rồi nhập lại:
                </p>
                <ul className="appraisal-rejected">
                  {outcome.rejected.map((p) => (
                    <li key={`${p.row}/${p.cell}`}>{p.message}</li>
                  ))}
                </ul>
              </>
            ) : (
              outcome.detail
            )
          }
        />
      )}
    </div>
  );
}
