import { SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Result, Space, Spin, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { type ApiRequestError, asApiError } from '../api/api-error';
import { apiGet } from '../api/client';
import { useApiErrorNotice } from '../api/use-api-error-notice';
import { PageTitle } from '../pages/PageTitle';
import { campaignPages } from '../paths';
import {
  anchorOf,
  CriterionForm,
  type FormContext,
  type LeafPatch,
  type LeafValues,
  type UploadProgress,
} from './CriterionForm';
import {
  type CampaignSummary,
  type DraftItem,
  type EvidenceFile,
  type EvidenceRef,
  type IndexSet,
  type SelfAssessment,
  type SelfAssessmentVersion,
  saveDraft,
  submitSelfAssessment,
  unitApi,
  type UnitState,
  uploadEvidence,
} from './unit-api';
import { formatInstant, formatSize, formatTime } from './unit-format';
import { VersionsCard } from './VersionsCard';
import { WindowStatus } from './WindowStatus';
import './unit.css';

/** How long typing pauses before the draft is saved. */
const SAVE_DELAY_MS = 800;

type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'error'; error: ApiRequestError };

interface Loaded {
  view: SelfAssessment;
  indexSet: IndexSet;
  campaign: CampaignSummary | null;
  state: UnitState | null;
  stateError: ApiRequestError | null;
  evidence: EvidenceFile[];
  versions: SelfAssessmentVersion[];
}

const valuesOf = (view: SelfAssessment): Record<string, LeafValues> =>
  Object.fromEntries(
    view.items.map((item) => [
      item.criterionCode,
      {
        score: item.score,
        notApplicable: item.notApplicable,
        note: item.note ?? '',
        evidenceIds: item.evidence.map((e) => e.id),
      },
    ]),
  );

/** Every GET the page needs; the self-assessment's answer (403, 404) decides whether it shows. */
async function loadAll(campaign: string, unitCode: string): Promise<Loaded> {
  // Only the index set waits for the self-assessment (which names it); the rest go at once.
  const viewAnswer = apiGet<SelfAssessment>(unitApi.selfAssessment(campaign, unitCode));
  const rest = Promise.all([
    apiGet<CampaignSummary>(unitApi.campaign(campaign)).catch(() => null),
    apiGet<UnitState>(unitApi.state(campaign, unitCode)).then(
      (state) => ({ state, error: null }),
      (err: unknown) => ({ state: null, error: asApiError(err) }),
    ),
    apiGet<EvidenceFile[]>(unitApi.evidence(campaign, unitCode)),
    apiGet<SelfAssessmentVersion[]>(unitApi.versions(campaign, unitCode)),
  ]);
  rest.catch(() => undefined); // its failure is read below, after the self-assessment's
  const view = await viewAnswer;
  const indexSet = await apiGet<IndexSet>(unitApi.indexSet(view.indexSet.id));
  const [campaignRow, stateAnswer, evidence, versions] = await rest;
  return {
    view,
    indexSet,
    campaign: campaignRow,
    state: stateAnswer.state,
    stateError: stateAnswer.error,
    evidence,
    versions,
  };
}

/**
 * A unit's self-assessment form (focal point): the index set's tree with a score or "không áp
 * dụng", a note and evidence per leaf; drafts saved as one types; what is missing, as the API
 * computes it; submit with a confirmation; earlier versions. Whether it may be saved or submitted
 * is the API's answer (the window, and its refusals shown as it words them).
 */
export function SelfAssessmentPage() {
  const { campaign = '', unitCode = '' } = useParams();
  const { message, modal } = App.useApp();
  const notice = useApiErrorNotice();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<ApiRequestError | null>(null);
  const [values, setValues] = useState<Record<string, LeafValues>>({});
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const [uploads, setUploads] = useState<Record<string, UploadProgress | undefined>>({});
  const [uploadedRefs, setUploadedRefs] = useState<EvidenceRef[]>([]);

  const valuesRef = useRef(values);
  valuesRef.current = values;
  const dirty = useRef(new Set<string>());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<boolean> | null>(null);

  const reload = useCallback(async () => {
    try {
      const next = await loadAll(campaign, unitCode);
      setLoaded(next);
      setValues(valuesOf(next.view));
      setLoadError(null);
    } catch (err) {
      setLoadError(asApiError(err));
    }
  }, [campaign, unitCode]);

  useEffect(() => {
    setLoaded(null);
    void reload();
  }, [reload]);

  /** Saves the changed leaves (PUT …/draft merges by criterion); true when nothing is left. */
  const flush = useCallback(async (): Promise<boolean> => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    while (inFlight.current) await inFlight.current;
    if (dirty.current.size === 0) return true;
    const codes = [...dirty.current];
    dirty.current.clear();
    const items: DraftItem[] = codes.map((code) => {
      const v = valuesRef.current[code]!;
      return {
        criterionCode: code,
        ...(v.notApplicable ? { notApplicable: true } : { notApplicable: false, score: v.score }),
        note: v.note.trim() === '' ? null : v.note,
        evidenceIds: v.evidenceIds,
      };
    });
    setSaveState({ kind: 'saving' });
    const work = saveDraft(campaign, unitCode, items).then(
      (view) => {
        setLoaded((prev) => (prev ? { ...prev, view } : prev));
        setSaveState(
          dirty.current.size > 0
            ? { kind: 'pending' }
            : { kind: 'saved', at: view.updatedAt ?? new Date().toISOString() },
        );
        return true;
      },
      (err: unknown) => {
        for (const code of codes) dirty.current.add(code);
        setSaveState({ kind: 'error', error: asApiError(err) });
        return false;
      },
    );
    inFlight.current = work;
    const ok = await work;
    inFlight.current = null;
    if (ok && dirty.current.size > 0) return flush();
    return ok;
  }, [campaign, unitCode]);

  const schedule = useCallback(() => {
    setSaveState({ kind: 'pending' });
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
  }, [flush]);

  // Leaving the page saves what is left; closing the tab with changes not saved asks first.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (dirty.current.size > 0 || inFlight.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      if (dirty.current.size > 0) void flush();
      else if (timer.current) clearTimeout(timer.current);
    };
  }, [flush]);

  const onChange = useCallback(
    (code: string, patch: LeafPatch) => {
      setValues((prev) => {
        const current = prev[code] ?? {
          score: null,
          notApplicable: false,
          note: '',
          evidenceIds: [],
        };
        const next = { ...current, ...patch };
        if (patch.notApplicable) next.score = null;
        return { ...prev, [code]: next };
      });
      dirty.current.add(code);
      schedule();
    },
    [schedule],
  );

  const onUpload = useCallback(
    (code: string, file: File) => {
      setUploads((prev) => ({ ...prev, [code]: { fileName: file.name, percent: 0 } }));
      uploadEvidence(campaign, unitCode, file, code, (percent) =>
        setUploads((prev) => ({ ...prev, [code]: { fileName: file.name, percent } })),
      ).then(
        (uploaded) => {
          setUploads((prev) => ({ ...prev, [code]: undefined }));
          setUploadedRefs((prev) => [...prev, uploaded as EvidenceRef & EvidenceFile]);
          setLoaded((prev) => (prev ? { ...prev, evidence: [...prev.evidence, uploaded] } : prev));
          void message.success(`Đã tải lên «${uploaded.fileName}».`);
          const current = valuesRef.current[code];
          onChange(code, { evidenceIds: [...(current?.evidenceIds ?? []), uploaded.id] });
        },
        (err: unknown) => {
          setUploads((prev) => ({ ...prev, [code]: undefined }));
          notice(asApiError(err));
        },
      );
    },
    [campaign, unitCode, message, notice, onChange],
  );

  const view = loaded?.view;
  const evidenceById = useMemo(() => {
    const map = new Map<string, EvidenceRef>();
    for (const file of loaded?.evidence ?? []) map.set(file.id, { ...file, sha256: '' });
    for (const item of view?.items ?? []) for (const e of item.evidence) map.set(e.id, e);
    for (const e of uploadedRefs) map.set(e.id, e);
    return map;
  }, [loaded?.evidence, view, uploadedRefs]);
  const evidenceOptions = useMemo(
    () =>
      (loaded?.evidence ?? []).map((f) => ({
        value: f.id,
        label: f.criterionCode ? `${f.fileName} (${f.criterionCode})` : f.fileName,
      })),
    [loaded?.evidence],
  );
  const selfScored = useMemo(
    () => new Set((view?.items ?? []).map((i) => i.criterionCode)),
    [view?.items],
  );
  const missing = useMemo(() => new Set(view?.missing ?? []), [view?.missing]);
  const missingEvidence = useMemo(
    () => new Set(view?.missingEvidence ?? []),
    [view?.missingEvidence],
  );
  const readOnly = view?.window.phase === 'closed';

  const ctx: FormContext = {
    values,
    selfScored,
    missing,
    missingEvidence,
    evidenceById,
    evidenceOptions,
    uploads,
    readOnly,
    onChange,
    onUpload,
  };

  if (loadError) {
    return (
      <>
        <PageTitle tabTitle="Tự đánh giá">Tự đánh giá</PageTitle>
        <Result
          status={loadError.status === 403 ? '403' : loadError.status === 404 ? '404' : 'error'}
          title={loadError.title}
          subTitle={loadError.detail}
        />
      </>
    );
  }
  if (!loaded || !view) {
    return (
      <>
        <PageTitle tabTitle="Tự đánh giá">Tự đánh giá</PageTitle>
        <Spin description="Đang tải biểu mẫu tự đánh giá…" />
      </>
    );
  }

  const titleOf = (code: string) => view.items.find((i) => i.criterionCode === code)?.title ?? '';
  const submit = () => {
    modal.confirm({
      title: 'Nộp bản tự đánh giá?',
      content:
        view.window.phase === 'late'
          ? 'Đã quá hạn nộp: bản nộp sẽ được ghi nhận là nộp muộn. Sau khi nộp, bản này được giữ nguyên; sửa tiếp sẽ tạo phiên bản mới.'
          : 'Sau khi nộp, bản này được giữ nguyên để thẩm định; sửa tiếp sẽ tạo phiên bản mới.',
      okText: 'Nộp',
      cancelText: 'Hủy',
      onOk: async () => {
        if (!(await flush())) return;
        try {
          const record = await submitSelfAssessment(campaign, unitCode);
          void message.success(
            `Đã nộp phiên bản ${record.version} lúc ${formatInstant(record.submittedAt)}${record.late ? ' (nộp muộn)' : ''}.`,
          );
          await reload();
        } catch (err) {
          notice(asApiError(err));
        }
      },
    });
  };

  return (
    <>
      <PageTitle tabTitle={`Tự đánh giá ${view.unitCode}`}>Tự đánh giá — {view.unitName}</PageTitle>
      <Typography.Paragraph className="unit-subtitle">
        {loaded.campaign?.name ?? view.campaignCode} · Bộ chỉ số: {loaded.indexSet.name}
        {loaded.indexSet.illustrative && ' (dữ liệu minh họa)'} ·{' '}
        <Link to={campaignPages.explanation(campaign, unitCode)}>Giải trình</Link> ·{' '}
        <Link to={campaignPages.unitResults(campaign, unitCode)}>Kết quả</Link>
      </Typography.Paragraph>

      <section aria-labelledby="tinh-trang" className="unit-section">
        <Typography.Title level={2} id="tinh-trang" className="section-title">
          Tình trạng
        </Typography.Title>
        <WindowStatus view={view} state={loaded.state} />
        {loaded.stateError && (
          <Alert
            type="info"
            className="form-alert-top"
            title={loaded.stateError.title}
            description={loaded.stateError.detail}
          />
        )}
        <p className="version-line">
          {view.status === 'not_started' && 'Chưa có bản nháp.'}
          {view.status === 'draft' && `Phiên bản ${view.version}: bản nháp, chưa nộp.`}
          {view.status === 'submitted' &&
            `Phiên bản ${view.version}: đã nộp lúc ${formatInstant(view.submittedAt!)}${view.submittedBy ? ` (${view.submittedBy})` : ''}${view.late ? ', nộp muộn' : ''}.${readOnly ? '' : ' Sửa tiếp sẽ tạo phiên bản mới (bản nháp) để nộp lại.'}`}
        </p>
      </section>

      <MissingCard view={view} titleOf={titleOf} />

      <section aria-labelledby="bieu-mau" className="unit-section">
        <Typography.Title level={2} id="bieu-mau" className="section-title">
          Biểu mẫu tự chấm điểm
        </Typography.Title>
        <CriterionForm fields={loaded.indexSet.fields} ctx={ctx} />
      </section>

      <EvidenceSection files={loaded.evidence} />

      <VersionsCard campaign={campaign} unitCode={unitCode} versions={loaded.versions} />

      <div className="save-bar">
        <div role="status" aria-live="polite">
          <SaveStatus state={saveState} onRetry={() => void flush()} />
        </div>
        {!readOnly && (
          <Button
            type="primary"
            icon={<SendOutlined />}
            disabled={view.window.phase === 'not_open' || saveState.kind === 'saving'}
            onClick={submit}
          >
            Nộp bản tự đánh giá
          </Button>
        )}
      </div>
    </>
  );
}

function SaveStatus({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  switch (state.kind) {
    case 'idle':
      return <span className="save-status">Các thay đổi được lưu tự động.</span>;
    case 'pending':
      return <span className="save-status">Có thay đổi chưa lưu…</span>;
    case 'saving':
      return <span className="save-status">Đang lưu…</span>;
    case 'saved':
      return <span className="save-status save-ok">Đã lưu lúc {formatTime(state.at)}</span>;
    case 'error':
      return (
        <span className="save-status save-error">
          <strong>Chưa lưu được: {state.error.title}.</strong> {state.error.detail}{' '}
          {state.error.fields.map((f) => f.message).join(' ')}{' '}
          <Button size="small" onClick={onRetry}>
            Lưu lại
          </Button>
        </span>
      );
  }
}

/** What a submit would still refuse, as the API lists it (`missing`, `missingEvidence`). */
function MissingCard({ view, titleOf }: { view: SelfAssessment; titleOf: (c: string) => string }) {
  const count = view.missing.length + view.missingEvidence.length;
  return (
    <section aria-labelledby="con-thieu" className="unit-section">
      <Card size="small">
        <Typography.Title level={2} id="con-thieu" className="section-title">
          {count === 0 ? 'Đã đủ để nộp' : `Còn thiếu trước khi nộp (${count})`}
        </Typography.Title>
        {count === 0 ? (
          <Typography.Text>Mọi tiêu chí đã được chấm hoặc đánh dấu không áp dụng.</Typography.Text>
        ) : (
          <Space orientation="vertical" size={4} className="missing-lists">
            {view.missing.length > 0 && (
              <div>
                <Typography.Text strong>Chưa chấm điểm ({view.missing.length}): </Typography.Text>
                <MissingLinks codes={view.missing} titleOf={titleOf} />
              </div>
            )}
            {view.missingEvidence.length > 0 && (
              <div>
                <Typography.Text strong>
                  Thiếu tài liệu kiểm chứng ({view.missingEvidence.length}):{' '}
                </Typography.Text>
                <MissingLinks codes={view.missingEvidence} titleOf={titleOf} />
              </div>
            )}
          </Space>
        )}
      </Card>
    </section>
  );
}

function MissingLinks({ codes, titleOf }: { codes: string[]; titleOf: (c: string) => string }) {
  return (
    <span className="missing-links">
      {codes.map((code) => (
        <a key={code} className="missing-tag" href={`#${anchorOf(code)}`} title={titleOf(code)}>
          {code}
        </a>
      ))}
    </span>
  );
}

/** Every file the unit uploaded in this campaign (GET …/evidence), newest last. */
function EvidenceSection({ files }: { files: EvidenceFile[] }) {
  return (
    <section aria-labelledby="tai-lieu" className="unit-section">
      <Typography.Title level={2} id="tai-lieu" className="section-title">
        Tài liệu kiểm chứng đã tải lên ({files.length})
      </Typography.Title>
      {files.length === 0 ? (
        <Typography.Text>Chưa có tệp nào.</Typography.Text>
      ) : (
        <ul className="evidence-list all-evidence">
          {files.map((file) => (
            <li key={file.id}>
              <a href={file.downloadUrl} target="_blank" rel="noreferrer">
                {file.fileName}
              </a>{' '}
              <span className="file-size">
                ({formatSize(file.sizeBytes)}
                {file.criterionCode ? `, tiêu chí ${file.criterionCode}` : ''}, {file.uploadedBy},{' '}
                {formatInstant(file.uploadedAt)})
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
