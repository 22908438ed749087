import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { Progress, Typography } from 'antd';
import { memo, type ReactNode, useEffect, useRef, useState } from 'react';
import { EvidenceFileLink } from './EvidenceFileLink';
import type { CriterionNode, EvidenceRef } from './unit-api';
import { formatPoints, maxPointsText } from './unit-format';

/** What the unit writes for one leaf, as the page holds it. */
export interface LeafValues {
  score: number | null;
  notApplicable: boolean;
  note: string;
  evidenceIds: string[];
}

export type LeafPatch = Partial<LeafValues>;

/** An upload under way for one leaf. */
export interface UploadProgress {
  fileName: string;
  percent: number;
}

export interface FormContext {
  values: Record<string, LeafValues>;
  /** Leaves the unit scores itself (the self-assessment's items). */
  selfScored: ReadonlySet<string>;
  missing: ReadonlySet<string>;
  missingEvidence: ReadonlySet<string>;
  evidenceById: ReadonlyMap<string, EvidenceRef>;
  /** The unit's files, for linking one already uploaded. */
  evidenceOptions: readonly { value: string; label: string }[];
  uploads: Record<string, UploadProgress | undefined>;
  readOnly: boolean;
  onChange: (code: string, patch: LeafPatch) => void;
  onUpload: (code: string, file: File) => void;
}

export const anchorOf = (code: string) => `tc-${code.replace(/\./g, '-')}`;

/** The index set's tree: fields → criteria → sub-criteria, every leaf the unit scores editable. */
export function CriterionForm({ fields, ctx }: { fields: CriterionNode[]; ctx: FormContext }) {
  return (
    <div className="criterion-form">
      {fields.map((field) => (
        <section key={field.id} className="field-block" aria-labelledby={`h-${field.id}`}>
          <Typography.Title level={3} id={`h-${field.id}`} className="field-title">
            {field.code}. {field.title}{' '}
            <span className="points-hint">({maxPointsText(field.kind, field.maxPoints)})</span>
          </Typography.Title>
          <NodeChildren node={field} ctx={ctx} depth={4} />
        </section>
      ))}
    </div>
  );
}

function NodeChildren({
  node,
  ctx,
  depth,
}: {
  node: CriterionNode;
  ctx: FormContext;
  depth: 4 | 5;
}) {
  if (node.children.length === 0) return <Leaf node={node} ctx={ctx} level={depth} />;
  return (
    <>
      {node.children.map((child) =>
        child.children.length === 0 ? (
          <Leaf key={child.id} node={child} ctx={ctx} level={depth} />
        ) : (
          <div key={child.id} className="criterion-group">
            <Typography.Title level={depth} className="criterion-group-title">
              {child.code}. {child.title}{' '}
              <span className="points-hint">({maxPointsText(child.kind, child.maxPoints)})</span>
            </Typography.Title>
            <NodeChildren node={child} ctx={ctx} depth={5} />
          </div>
        ),
      )}
    </>
  );
}

function Leaf({ node, ctx, level }: { node: CriterionNode; ctx: FormContext; level: 4 | 5 }) {
  if (!ctx.selfScored.has(node.code)) {
    return (
      <div className="leaf leaf-other" id={anchorOf(node.code)}>
        <Typography.Text strong>
          {node.code}. {node.title}
        </Typography.Text>{' '}
        <span className="points-hint">({maxPointsText(node.kind, node.maxPoints)})</span>
        <div className="leaf-note">
          {node.kind === 'survey'
            ? 'Điểm lấy từ kết quả điều tra xã hội học, đơn vị không tự chấm.'
            : 'Đơn vị không tự chấm tiêu chí này.'}
        </div>
      </div>
    );
  }
  return (
    <LeafRow
      node={node}
      level={level}
      value={ctx.values[node.code] ?? EMPTY}
      missing={ctx.missing.has(node.code)}
      missingEvidence={ctx.missingEvidence.has(node.code)}
      evidenceById={ctx.evidenceById}
      evidenceOptions={ctx.evidenceOptions}
      upload={ctx.uploads[node.code]}
      readOnly={ctx.readOnly}
      onChange={ctx.onChange}
      onUpload={ctx.onUpload}
    />
  );
}

const EMPTY: LeafValues = { score: null, notApplicable: false, note: '', evidenceIds: [] };

interface LeafRowProps {
  node: CriterionNode;
  level: 4 | 5;
  value: LeafValues;
  missing: boolean;
  missingEvidence: boolean;
  evidenceById: ReadonlyMap<string, EvidenceRef>;
  evidenceOptions: readonly { value: string; label: string }[];
  upload: UploadProgress | undefined;
  readOnly: boolean;
  onChange: (code: string, patch: LeafPatch) => void;
  onUpload: (code: string, file: File) => void;
}

/** "0,5" for 0.5; "" for none. */
const scoreText = (score: number | null) => (score === null ? '' : String(score).replace('.', ','));

/** The number a score field holds ("0,5", "1.25", ""), or undefined when it is not one. */
function parseScore(text: string): number | null | undefined {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return /^[0-9]*\.?[0-9]+$/.test(trimmed) && Number.isFinite(value) ? value : undefined;
}

/**
 * One leaf the unit scores: score or "không áp dụng", note, evidence. Its controls are the
 * browser's own, styled as Ant Design's (unit.css): a form of a hundred leaves is four hundred
 * controls, and Ant Design's components made it take seconds to appear on a small machine
 * (bench/portal-self-assessment-form.ts).
 */
const LeafRow = memo(function LeafRow({
  node,
  level,
  value,
  missing,
  missingEvidence,
  evidenceById,
  evidenceOptions,
  upload,
  readOnly,
  onChange,
  onUpload,
}: LeafRowProps) {
  const fileInput = useRef<HTMLInputElement>(null);
  const { code } = node;
  const headingId = `h-${node.id}`;
  const linkable = evidenceOptions.filter((o) => !value.evidenceIds.includes(o.value));
  const [text, setText] = useState(() => scoreText(value.score));
  // A score set from elsewhere (a reload, "không áp dụng") replaces what the field shows.
  useEffect(() => {
    setText((current) => (parseScore(current) === value.score ? current : scoreText(value.score)));
  }, [value.score]);
  const notANumber = parseScore(text) === undefined;
  return (
    <section
      className={`leaf${missing || missingEvidence ? ' leaf-missing' : ''}`}
      id={anchorOf(code)}
      aria-labelledby={headingId}
    >
      <Heading level={level} id={headingId} className="leaf-title">
        {code}. {node.title}
      </Heading>
      <div className="leaf-facts">
        <span className="points-hint">{maxPointsText(node.kind, node.maxPoints)}</span>
        {node.evidenceRequired && (
          <span className="unit-tag tag-warn">Cần tài liệu kiểm chứng</span>
        )}
        {missing && <span className="unit-tag tag-danger">Chưa chấm</span>}
        {missingEvidence && <span className="unit-tag tag-danger">Thiếu tài liệu kiểm chứng</span>}
      </div>
      {node.guidance && (
        <details className="guidance">
          <summary>Hướng dẫn chấm điểm</summary>
          <p className="guidance-text">{node.guidance}</p>
        </details>
      )}
      <div className="leaf-inputs">
        <label className="score-label">
          <span>{node.kind === 'penalty' ? 'Điểm bị trừ' : 'Điểm tự chấm'}</span>
          <input
            type="text"
            inputMode="decimal"
            autoComplete="off"
            aria-label={`Điểm tự chấm ${code}`}
            aria-invalid={notANumber || undefined}
            className="unit-input score-input"
            value={value.notApplicable ? '' : text}
            disabled={readOnly || value.notApplicable}
            placeholder={`0–${formatPoints(node.maxPoints)}`}
            onChange={(e) => {
              setText(e.target.value);
              const score = parseScore(e.target.value);
              if (score !== undefined) onChange(code, { score });
            }}
          />
        </label>
        <label className="unit-check">
          <input
            type="checkbox"
            checked={value.notApplicable}
            disabled={readOnly}
            onChange={(e) => onChange(code, { notApplicable: e.target.checked })}
          />
          Không áp dụng
        </label>
        {notANumber && <span className="field-problem">Nhập một số, ví dụ 1,5</span>}
      </div>
      <textarea
        aria-label={`Ghi chú ${code}`}
        placeholder="Ghi chú, căn cứ tự chấm điểm"
        className="unit-input leaf-note-input"
        rows={1}
        value={value.note}
        disabled={readOnly}
        onChange={(e) => onChange(code, { note: e.target.value })}
      />
      <div className="leaf-evidence">
        {value.evidenceIds.length > 0 && (
          <ul className="evidence-list" aria-label={`Tài liệu kiểm chứng của ${code}`}>
            {value.evidenceIds.map((id) => {
              const file = evidenceById.get(id);
              return (
                <li key={id}>
                  <EvidenceFileLink file={file} />
                  {!readOnly && (
                    <button
                      type="button"
                      className="unit-icon-button"
                      aria-label={`Bỏ tệp ${file?.fileName ?? ''} khỏi tiêu chí ${code}`}
                      title="Bỏ tệp khỏi tiêu chí (tệp vẫn được lưu)"
                      onClick={() =>
                        onChange(code, { evidenceIds: value.evidenceIds.filter((e) => e !== id) })
                      }
                    >
                      <DeleteOutlined aria-hidden />
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        )}
        {upload && (
          <div className="upload-progress">
            <span>Đang tải lên «{upload.fileName}»</span>
            <Progress percent={upload.percent} size="small" aria-label="Tiến độ tải lên" />
          </div>
        )}
        {!readOnly && (
          <div className="evidence-actions">
            <input
              ref={fileInput}
              type="file"
              hidden
              aria-label={`Tệp kiểm chứng cho ${code}`}
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) onUpload(code, file);
              }}
            />
            <button
              type="button"
              className="unit-button"
              disabled={upload !== undefined}
              onClick={() => fileInput.current?.click()}
            >
              <UploadOutlined aria-hidden /> Tải tệp lên
            </button>
            {linkable.length > 0 && (
              <select
                className="evidence-link-select"
                aria-label={`Gắn tệp đã tải lên cho ${code}`}
                value=""
                onChange={(e) => {
                  if (e.target.value) {
                    onChange(code, { evidenceIds: [...value.evidenceIds, e.target.value] });
                  }
                }}
              >
                <option value="">Gắn tệp đã tải lên…</option>
                {linkable.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            )}
          </div>
        )}
      </div>
    </section>
  );
});

/** A plain heading: 100 leaves of Typography.Title cost more than they give. */
function Heading({
  level,
  id,
  className,
  children,
}: {
  level: 4 | 5;
  id: string;
  className: string;
  children: ReactNode;
}) {
  return level === 4 ? (
    <h4 id={id} className={className}>
      {children}
    </h4>
  ) : (
    <h5 id={id} className={className}>
      {children}
    </h5>
  );
}
