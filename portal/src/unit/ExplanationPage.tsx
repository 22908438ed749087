import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Progress, Result, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { type ApiRequestError, asApiError } from '../api/api-error';
import { apiGet } from '../api/client';
import { useApiErrorNotice } from '../api/use-api-error-notice';
import { PageTitle } from '../pages/PageTitle';
import { campaignPages } from '../paths';
import {
  answerExplanation,
  type EvidenceFile,
  type UnitRequests,
  type UnitState,
  unitApi,
  uploadEvidence,
} from './unit-api';
import { formatInstant, formatPoints, unitStatusLabel } from './unit-format';
import { EvidenceFileLink } from './EvidenceFileLink';
import './unit.css';

interface Loaded {
  requests: UnitRequests;
  state: UnitState | null;
  stateError: ApiRequestError | null;
  evidence: EvidenceFile[];
}

interface Draft {
  text: string;
  evidenceIds: string[];
}

/**
 * The unit's explanation requests (GET …/explanation-requests: criteria, reasons, deadline) and
 * its answer (POST …/explanation, one text per criterion with extra evidence). Whether it may
 * still answer is the API's: its refusal (deadline passed, nothing asked) is shown as it words it.
 */
export function ExplanationPage() {
  const { campaign = '', unitCode = '' } = useParams();
  const { message } = App.useApp();
  const notice = useApiErrorNotice();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<ApiRequestError | null>(null);
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [general, setGeneral] = useState('');
  const [sending, setSending] = useState(false);
  const [uploading, setUploading] = useState<Record<string, number | undefined>>({});

  const reload = useCallback(async () => {
    try {
      const [requests, stateAnswer, evidence] = await Promise.all([
        apiGet<UnitRequests>(unitApi.requests(campaign, unitCode)),
        apiGet<UnitState>(unitApi.state(campaign, unitCode)).then(
          (state) => ({ state, error: null }),
          (err: unknown) => ({ state: null, error: asApiError(err) }),
        ),
        apiGet<EvidenceFile[]>(unitApi.evidence(campaign, unitCode)),
      ]);
      setLoaded({ requests, state: stateAnswer.state, stateError: stateAnswer.error, evidence });
      // What the unit has typed and not sent yet is kept; the rest comes from its saved answers.
      setDrafts((typed) =>
        Object.fromEntries(
          requests.requests.map((r) => {
            const own = typed[r.criterionCode];
            const kept = own && (own.text !== '' || own.evidenceIds.length > 0);
            return [
              r.criterionCode,
              kept ? own : { text: r.answerText ?? '', evidenceIds: r.answerEvidenceIds },
            ];
          }),
        ),
      );
      setLoadError(null);
    } catch (err) {
      setLoadError(asApiError(err));
    }
  }, [campaign, unitCode]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const upload = (code: string, file: File) => {
    setUploading((prev) => ({ ...prev, [code]: 0 }));
    uploadEvidence(campaign, unitCode, file, code, (p) =>
      setUploading((prev) => ({ ...prev, [code]: p })),
    ).then(
      (uploaded) => {
        setUploading((prev) => ({ ...prev, [code]: undefined }));
        setLoaded((prev) => (prev ? { ...prev, evidence: [...prev.evidence, uploaded] } : prev));
        setDrafts((prev) => ({
          ...prev,
          [code]: {
            text: prev[code]?.text ?? '',
            evidenceIds: [...(prev[code]?.evidenceIds ?? []), uploaded.id],
          },
        }));
        void message.success(`Đã tải lên «${uploaded.fileName}».`);
      },
      (err: unknown) => {
        setUploading((prev) => ({ ...prev, [code]: undefined }));
        notice(asApiError(err));
      },
    );
  };

  const send = async () => {
    if (!loaded) return;
    const answers = loaded.requests.requests
      .map((r) => ({ criterionCode: r.criterionCode, ...drafts[r.criterionCode]! }))
      .filter((a) => a.text.trim() !== '')
      .map((a) => ({ criterionCode: a.criterionCode, text: a.text, evidenceIds: a.evidenceIds }));
    setSending(true);
    try {
      await answerExplanation(campaign, unitCode, {
        ...(general.trim() !== '' && { text: general }),
        ...(answers.length > 0 && { answers }),
      });
      void message.success('Đã gửi giải trình.');
      setGeneral('');
      await reload();
    } catch (err) {
      notice(asApiError(err));
    } finally {
      setSending(false);
    }
  };

  if (loadError) {
    return (
      <>
        <PageTitle tabTitle="Giải trình">Giải trình</PageTitle>
        <Result
          status={loadError.status === 403 ? '403' : loadError.status === 404 ? '404' : 'error'}
          title={loadError.title}
          subTitle={loadError.detail}
        />
      </>
    );
  }
  if (!loaded) {
    return (
      <>
        <PageTitle tabTitle="Giải trình">Giải trình</PageTitle>
        <Spin description="Đang tải…" />
      </>
    );
  }
  const { requests, state } = loaded;
  const byId = new Map(loaded.evidence.map((f) => [f.id, f]));
  const deadline = state?.explanation.deadline ?? requests.requests[0]?.deadline ?? null;
  return (
    <>
      <PageTitle tabTitle={`Giải trình ${requests.unitCode}`}>
        Giải trình — {requests.unitName}
      </PageTitle>
      <Typography.Paragraph className="unit-subtitle">
        <Link to={campaignPages.selfAssessment(campaign, unitCode)}>Tự đánh giá</Link> ·{' '}
        <Link to={campaignPages.unitResults(campaign, unitCode)}>Kết quả</Link>
      </Typography.Paragraph>
      {requests.requests.length === 0 ? (
        <Result
          status="info"
          title="Chưa có yêu cầu giải trình"
          subTitle="Khi Tổ thư ký đề nghị giải trình, các tiêu chí cần giải trình sẽ hiện ở đây."
        />
      ) : (
        <>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            className="unit-section"
            items={[
              {
                key: 'deadline',
                label: 'Hạn giải trình',
                children: deadline ? `${formatInstant(deadline)} (giờ Việt Nam)` : 'chưa định',
              },
              {
                key: 'status',
                label: 'Tình trạng',
                children: state ? unitStatusLabel(state.status) : '—',
              },
              ...(state?.explanation.request
                ? [
                    {
                      key: 'reason',
                      label: 'Lý do',
                      children: state.explanation.request.reason,
                    },
                  ]
                : []),
              ...(state?.explanation.submittedAt
                ? [
                    {
                      key: 'answered',
                      label: 'Đã gửi giải trình lúc',
                      children: formatInstant(state.explanation.submittedAt),
                    },
                  ]
                : []),
            ]}
          />
          {loaded.stateError && (
            <Alert
              type="info"
              className="form-alert"
              title={loaded.stateError.title}
              description={loaded.stateError.detail}
            />
          )}
          <section aria-labelledby="tieu-chi-giai-trinh" className="unit-section">
            <Typography.Title level={2} id="tieu-chi-giai-trinh" className="section-title">
              Các tiêu chí cần giải trình ({requests.requests.length})
            </Typography.Title>
            {requests.requests.map((r) => {
              const draft = drafts[r.criterionCode] ?? { text: '', evidenceIds: [] };
              const progress = uploading[r.criterionCode];
              return (
                <section
                  key={r.criterionCode}
                  className="answer-block"
                  aria-labelledby={`gt-${r.criterionCode}`}
                >
                  <Typography.Title level={3} id={`gt-${r.criterionCode}`} className="leaf-title">
                    {r.criterionCode}. {r.title}
                  </Typography.Title>
                  <div className="leaf-facts">
                    <span className="points-hint">
                      tối đa {formatPoints(r.maxPoints)} điểm
                      {r.selfScore !== null && ` · tự chấm ${formatPoints(r.selfScore)}`}
                    </span>
                    {r.answeredAt ? (
                      <Tag color="#237804">Đã giải trình {formatInstant(r.answeredAt)}</Tag>
                    ) : (
                      <Tag color="#874d00">Chưa giải trình</Tag>
                    )}
                  </div>
                  <Typography.Paragraph>
                    <strong>Lý do:</strong> {r.reason}
                  </Typography.Paragraph>
                  <textarea
                    className="unit-input answer-input"
                    rows={3}
                    aria-label={`Nội dung giải trình ${r.criterionCode}`}
                    placeholder="Nội dung giải trình"
                    value={draft.text}
                    onChange={(e) =>
                      setDrafts((prev) => ({
                        ...prev,
                        [r.criterionCode]: { ...draft, text: e.target.value },
                      }))
                    }
                  />
                  <ul className="evidence-list" aria-label={`Tài liệu bổ sung ${r.criterionCode}`}>
                    {draft.evidenceIds.map((id) => {
                      const file = byId.get(id);
                      return (
                        <li key={id}>
                          <EvidenceFileLink file={file} />
                        </li>
                      );
                    })}
                  </ul>
                  {progress !== undefined && (
                    <Progress percent={progress} size="small" aria-label="Tiến độ tải lên" />
                  )}
                  <FilePicker
                    label={`Tệp bổ sung cho ${r.criterionCode}`}
                    disabled={progress !== undefined}
                    onFile={(file) => upload(r.criterionCode, file)}
                  />
                </section>
              );
            })}
          </section>
          <section aria-labelledby="giai-trinh-chung" className="unit-section">
            <Typography.Title level={2} id="giai-trinh-chung" className="section-title">
              Giải trình chung (không bắt buộc)
            </Typography.Title>
            <textarea
              className="unit-input answer-input"
              rows={3}
              aria-label="Giải trình chung"
              placeholder="Áp dụng cho các tiêu chí chưa giải trình riêng"
              value={general}
              onChange={(e) => setGeneral(e.target.value)}
            />
          </section>
          <Button type="primary" loading={sending} onClick={() => void send()}>
            Gửi giải trình
          </Button>
        </>
      )}
    </>
  );
}

function FilePicker({
  label,
  disabled,
  onFile,
}: {
  label: string;
  disabled: boolean;
  onFile: (file: File) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        hidden
        aria-label={label}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
      <Button
        size="small"
        icon={<UploadOutlined />}
        disabled={disabled}
        onClick={() => input.current?.click()}
      >
        Tải tệp bổ sung
      </Button>
    </>
  );
}
