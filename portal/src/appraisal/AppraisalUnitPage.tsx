import { ArrowLeftOutlined, PaperClipOutlined, SaveOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Input,
  InputNumber,
  Result,
  Row,
  Space,
  Spin,
  Switch,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiRequestError, asApiError } from '../api/api-error';
import { apiGet } from '../api/client';
import { useApiErrorNotice } from '../api/use-api-error-notice';
import { PageTitle } from '../pages/PageTitle';
import { campaignPages } from '../paths';
import { useSession } from '../session/session';
import {
  type EntryView,
  type EvidenceFile,
  evidenceDownloadPath,
  evidenceListPath,
  type Round,
  saveRound,
  type ScoreItem,
  type SheetRow,
  type UnitSheet,
  unitSheetPath,
} from './appraisal-api';
import { formatPoints } from '../results/format';
import './appraisal.css';

interface Entry {
  score: number | null;
  notApplicable: boolean;
  comment: string;
}

type Entries = Record<string, Entry>;

const entryOf = (saved: EntryView | null): Entry => ({
  score: saved && !saved.notApplicable ? saved.score : null,
  notApplicable: saved?.notApplicable ?? false,
  comment: saved?.comment ?? '',
});

const sameEntry = (a: Entry, b: Entry) =>
  a.score === b.score &&
  a.notApplicable === b.notApplicable &&
  a.comment.trim() === b.comment.trim();

function entriesOf(sheet: UnitSheet, round: Round): Entries {
  return Object.fromEntries(
    sheet.rows.map((row) => [row.criterionCode, entryOf(round === 1 ? row.round1 : row.round2)]),
  );
}

function describeScore(entry: { score: number | null; notApplicable: boolean } | null): string {
  if (!entry) return 'Chưa có';
  if (entry.notApplicable) return 'Không áp dụng';
  return entry.score === null ? 'Chưa có' : `${formatPoints(entry.score)} điểm`;
}

/**
 * The scoring page of one unit: for each criterion of the appraiser's agency, what the unit
 * claimed (self-score, note, evidence) beside the round's score, «không áp dụng» and comment.
 * Whether a round takes scores, and for which criteria, is the API's answer (the sheet's
 * `rounds`); a save is the PUT route, whose refusals are shown as the API words them.
 */
export function AppraisalUnitPage() {
  const { campaign = '', unitCode = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const { me } = useSession();
  const notice = useApiErrorNotice();
  const [sheet, setSheet] = useState<UnitSheet | null>(null);
  const [failed, setFailed] = useState<ApiRequestError | null>(null);
  const [evidence, setEvidence] = useState<Map<string, EvidenceFile>>(new Map());

  const load = useCallback(async () => {
    try {
      setSheet(await apiGet<UnitSheet>(unitSheetPath(campaign, unitCode)));
    } catch (err) {
      setFailed(asApiError(err));
      notice(asApiError(err));
    }
  }, [campaign, unitCode, notice]);
  useEffect(() => {
    void load();
    apiGet<EvidenceFile[]>(evidenceListPath(campaign, unitCode)).then(
      (files) => setEvidence(new Map(files.map((f) => [f.id, f]))),
      (err: unknown) => notice(asApiError(err)),
    );
  }, [load, campaign, unitCode, notice]);

  const asked = params.get('lan');
  const round: Round =
    asked === '1' || asked === '2' ? (Number(asked) as Round) : sheet?.rounds[2].open ? 2 : 1;
  const back = `${campaignPages.appraisal(campaign)}?lan=${round}`;

  if (!sheet) {
    return (
      <>
        <PageTitle tabTitle="Chấm điểm thẩm định">Chấm điểm thẩm định</PageTitle>
        {failed ? (
          <Result status="error" title={failed.title} subTitle={failed.detail} />
        ) : (
          <Spin description="Đang tải bảng điểm…" />
        )}
      </>
    );
  }

  return (
    <>
      <Link to={back} className="appraisal-back">
        <ArrowLeftOutlined /> Danh sách đơn vị
      </Link>
      <PageTitle tabTitle={`Thẩm định ${sheet.unitCode}`}>
        {sheet.unitName} ({sheet.unitCode})
      </PageTitle>
      <Typography.Paragraph>
        Bộ chỉ số: {sheet.indexSet.name}
        {me?.role === 'appraiser' && me.agencyCode && <> · Cơ quan thẩm định: {me.agencyCode}</>}
      </Typography.Paragraph>
      <Tabs
        activeKey={String(round)}
        onChange={(key) => setParams({ lan: key }, { replace: true })}
        items={([1, 2] as const).map((n) => ({
          key: String(n),
          label:
            n === 1
              ? 'Thẩm định lần 1'
              : `Thẩm định lần 2 (${sheet.rounds[2].criteria.length} tiêu chí)`,
          children: (
            <RoundForm
              key={`${n}`}
              campaign={campaign}
              sheet={sheet}
              round={n}
              evidence={evidence}
              onSaved={setSheet}
            />
          ),
        }))}
      />
    </>
  );
}

function RoundForm({
  campaign,
  sheet,
  round,
  evidence,
  onSaved,
}: {
  campaign: string;
  sheet: UnitSheet;
  round: Round;
  evidence: Map<string, EvidenceFile>;
  onSaved: (sheet: UnitSheet) => void;
}) {
  const { me } = useSession();
  const { message } = App.useApp();
  const notice = useApiErrorNotice();
  const saved = useMemo(() => entriesOf(sheet, round), [sheet, round]);
  const [entries, setEntries] = useState<Entries>(saved);
  const [saving, setSaving] = useState(false);
  const [showOthers, setShowOthers] = useState(false);
  useEffect(() => setEntries(saved), [saved]);

  const openness = sheet.rounds[round];
  const mineOnly = me?.role === 'appraiser' && !showOthers;
  const requested = new Set(sheet.rounds[2].criteria);
  const rows = sheet.rows.filter(
    (row) =>
      row.isLeaf &&
      row.kind !== 'survey' &&
      (round === 1 || requested.has(row.criterionCode)) &&
      (!mineOnly || row.agencyCode === me.agencyCode),
  );
  const others = sheet.rows.filter(
    (row) =>
      row.isLeaf &&
      row.kind !== 'survey' &&
      (round === 1 || requested.has(row.criterionCode)) &&
      row.agencyCode !== me?.agencyCode,
  ).length;
  const changed = rows.filter(
    (row) => !sameEntry(entries[row.criterionCode]!, saved[row.criterionCode]!),
  );

  const update = (code: string, patch: Partial<Entry>) =>
    setEntries((all) => ({ ...all, [code]: { ...all[code]!, ...patch } }));

  const save = async () => {
    const items: ScoreItem[] = changed
      .map((row) => ({ code: row.criterionCode, entry: entries[row.criterionCode]! }))
      .filter(({ entry }) => entry.notApplicable || entry.score !== null)
      .map(({ code, entry }) => ({
        criterionCode: code,
        ...(entry.notApplicable ? { notApplicable: true as const } : { score: entry.score! }),
        comment: entry.comment.trim() || null,
      }));
    if (items.length === 0) {
      void message.info('Chưa có điểm nào thay đổi để lưu (ô điểm để trống không được lưu).');
      return;
    }
    setSaving(true);
    try {
      onSaved(await saveRound(campaign, sheet.unitCode, round, items));
      void message.success(`Đã lưu ${items.length} điểm thẩm định lần ${round}.`);
    } catch (err) {
      notice(asApiError(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      {!openness.open && (
        <Alert
          className="form-alert"
          type="warning"
          showIcon
          title={`Lần thẩm định ${round} không nhận điểm của đơn vị này (chỉ xem)`}
          description={openness.reason}
        />
      )}
      {me?.role === 'appraiser' && others > 0 && (
        <Space className="page-actions">
          <Switch
            checked={showOthers}
            onChange={setShowOthers}
            aria-label="Hiện cả tiêu chí của cơ quan khác"
          />
          <Typography.Text>Hiện cả tiêu chí của cơ quan khác ({others})</Typography.Text>
        </Space>
      )}
      {rows.length === 0 && (
        <Typography.Paragraph>
          {round === 2
            ? 'Không có tiêu chí nào của cơ quan cần chấm lại ở lần 2.'
            : 'Không có tiêu chí nào của cơ quan trong bộ chỉ số của đơn vị.'}
        </Typography.Paragraph>
      )}
      {rows.map((row) => (
        <CriterionCard
          key={row.criterionCode}
          row={row}
          round={round}
          entry={entries[row.criterionCode]!}
          readOnly={!openness.open}
          evidence={evidence}
          onChange={(patch) => update(row.criterionCode, patch)}
        />
      ))}
      {openness.open && rows.length > 0 && (
        <div className="appraisal-save-bar">
          <Space wrap>
            <Button
              type="primary"
              icon={<SaveOutlined />}
              loading={saving}
              onClick={() => void save()}
            >
              Lưu điểm lần {round}
            </Button>
            <Typography.Text>
              {changed.length > 0
                ? `${changed.length} tiêu chí đã sửa, chưa lưu`
                : 'Không có thay đổi chưa lưu'}
            </Typography.Text>
          </Space>
        </div>
      )}
    </>
  );
}

function EvidenceLinks({ ids, evidence }: { ids: string[]; evidence: Map<string, EvidenceFile> }) {
  if (ids.length === 0) return <>Không có</>;
  return (
    <ul>
      {ids.map((id) => (
        <li key={id}>
          <a href={evidenceDownloadPath(id)} target="_blank" rel="noopener noreferrer">
            <PaperClipOutlined /> {evidence.get(id)?.fileName ?? `Tệp ${id.slice(0, 8)}`}
          </a>
        </li>
      ))}
    </ul>
  );
}

function CriterionCard({
  row,
  round,
  entry,
  readOnly,
  evidence,
  onChange,
}: {
  row: SheetRow;
  round: Round;
  entry: Entry;
  readOnly: boolean;
  evidence: Map<string, EvidenceFile>;
  onChange: (patch: Partial<Entry>) => void;
}) {
  const id = `tc-${round}-${row.criterionCode.replace(/[^A-Za-z0-9]/g, '-')}`;
  return (
    <Card
      className="criterion-card"
      size="small"
      title={
        <span>
          <span className="criterion-title">
            {row.criterionCode}. {row.title}
          </span>{' '}
          <Tag>Tối đa {formatPoints(row.maxPoints)} điểm</Tag>
          {row.kind === 'penalty' && <Tag color="#a8071a">Điểm trừ</Tag>}
          {row.kind === 'bonus' && <Tag color="#237804">Điểm thưởng</Tag>}
          {row.agencyCode && <Tag color="#0f3e82">{row.agencyCode}</Tag>}
        </span>
      }
    >
      <Row gutter={[24, 12]}>
        <Col xs={24} md={12}>
          <dl className="criterion-facts">
            <dt>Điểm đơn vị tự chấm</dt>
            <dd>{row.self ? describeScore(row.self) : 'Đơn vị chưa nộp tự đánh giá'}</dd>
            {row.self?.note && (
              <>
                <dt>Ghi chú của đơn vị</dt>
                <dd>{row.self.note}</dd>
              </>
            )}
            <dt>Tài liệu kiểm chứng</dt>
            <dd>
              <EvidenceLinks ids={row.self?.evidenceIds ?? []} evidence={evidence} />
            </dd>
            {round === 2 && (
              <>
                <dt>Điểm thẩm định lần 1</dt>
                <dd>
                  {describeScore(row.round1)}
                  {row.round1?.comment && <> — {row.round1.comment}</>}
                </dd>
                <dt>Giải trình của đơn vị</dt>
                <dd>{row.explanation?.answerText ?? 'Đơn vị chưa gửi giải trình'}</dd>
                {(row.explanation?.answerEvidenceIds.length ?? 0) > 0 && (
                  <>
                    <dt>Tài liệu bổ sung</dt>
                    <dd>
                      <EvidenceLinks ids={row.explanation!.answerEvidenceIds} evidence={evidence} />
                    </dd>
                  </>
                )}
              </>
            )}
          </dl>
        </Col>
        <Col xs={24} md={12} className="criterion-entry">
          <div className="criterion-field">
            <label htmlFor={`${id}-diem`} className="criterion-label">
              Điểm thẩm định lần {round} (0–{formatPoints(row.maxPoints)})
            </label>
            <Space wrap>
              <InputNumber<number>
                id={`${id}-diem`}
                className="criterion-score"
                min={0}
                max={row.maxPoints}
                step={0.25}
                decimalSeparator=","
                value={entry.score}
                disabled={readOnly || entry.notApplicable}
                onChange={(value) => onChange({ score: value })}
              />
              <Checkbox
                checked={entry.notApplicable}
                disabled={readOnly}
                onChange={(e) =>
                  onChange({
                    notApplicable: e.target.checked,
                    ...(e.target.checked && { score: null }),
                  })
                }
              >
                Không áp dụng
              </Checkbox>
            </Space>
          </div>
          <div className="criterion-field">
            <label htmlFor={`${id}-nhan-xet`} className="criterion-label">
              Nhận xét
            </label>
            <Input.TextArea
              id={`${id}-nhan-xet`}
              autoSize={{ minRows: 2, maxRows: 6 }}
              maxLength={10_000}
              value={entry.comment}
              disabled={readOnly}
              onChange={(e) => onChange({ comment: e.target.value })}
            />
          </div>
        </Col>
      </Row>
    </Card>
  );
}
