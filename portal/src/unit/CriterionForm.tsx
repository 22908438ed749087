import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Checkbox, Input, InputNumber, Progress, Select, Tag, Typography } from 'antd';
import { memo, useRef } from 'react';
import type { CriterionNode, EvidenceRef } from './unit-api';
import { formatPoints, formatSize, maxPointsText } from './unit-format';

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

/** One leaf the unit scores: score or "không áp dụng", note, evidence. */
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
  return (
    <section
      className={`leaf${missing || missingEvidence ? ' leaf-missing' : ''}`}
      id={anchorOf(code)}
      aria-labelledby={headingId}
    >
      <Typography.Title level={level} id={headingId} className="leaf-title">
        {code}. {node.title}
      </Typography.Title>
      <div className="leaf-facts">
        <span className="points-hint">{maxPointsText(node.kind, node.maxPoints)}</span>
        {node.evidenceRequired && <Tag color="#874d00">Cần tài liệu kiểm chứng</Tag>}
        {missing && <Tag color="#a8071a">Chưa chấm</Tag>}
        {missingEvidence && <Tag color="#a8071a">Thiếu tài liệu kiểm chứng</Tag>}
      </div>
      {node.guidance && (
        <details className="guidance">
          <summary>Hướng dẫn chấm điểm</summary>
          <Typography.Paragraph className="guidance-text">{node.guidance}</Typography.Paragraph>
        </details>
      )}
      <div className="leaf-inputs">
        <label className="score-label">
          <span>{node.kind === 'penalty' ? 'Điểm bị trừ' : 'Điểm tự chấm'}</span>
          <InputNumber
            aria-label={`Điểm tự chấm ${code}`}
            value={value.notApplicable ? null : value.score}
            decimalSeparator=","
            step={0.25}
            disabled={readOnly || value.notApplicable}
            className="score-input"
            placeholder={`0–${formatPoints(node.maxPoints)}`}
            onChange={(score) =>
              onChange(code, { score: typeof score === 'number' ? score : null })
            }
          />
        </label>
        <Checkbox
          checked={value.notApplicable}
          disabled={readOnly}
          onChange={(e) => onChange(code, { notApplicable: e.target.checked })}
        >
          Không áp dụng
        </Checkbox>
      </div>
      <Input.TextArea
        aria-label={`Ghi chú ${code}`}
        placeholder="Ghi chú, căn cứ tự chấm điểm"
        value={value.note}
        disabled={readOnly}
        autoSize={{ minRows: 1, maxRows: 6 }}
        className="leaf-note-input"
        onChange={(e) => onChange(code, { note: e.target.value })}
      />
      <div className="leaf-evidence">
        {value.evidenceIds.length > 0 && (
          <ul className="evidence-list" aria-label={`Tài liệu kiểm chứng của ${code}`}>
            {value.evidenceIds.map((id) => {
              const file = evidenceById.get(id);
              return (
                <li key={id}>
                  <PaperClipOutlined aria-hidden />{' '}
                  {file ? (
                    <a href={file.downloadUrl} target="_blank" rel="noreferrer">
                      {file.fileName}
                    </a>
                  ) : (
                    'Tệp đã tải lên'
                  )}
                  {file && <span className="file-size"> ({formatSize(file.sizeBytes)})</span>}
                  {!readOnly && (
                    <Button
                      type="text"
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={`Bỏ tệp ${file?.fileName ?? ''} khỏi tiêu chí ${code}`}
                      onClick={() =>
                        onChange(code, { evidenceIds: value.evidenceIds.filter((e) => e !== id) })
                      }
                    />
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
            <Button
              size="small"
              icon={<UploadOutlined />}
              disabled={upload !== undefined}
              onClick={() => fileInput.current?.click()}
            >
              Tải tệp lên
            </Button>
            {linkable.length > 0 && (
              <Select
                size="small"
                className="evidence-link-select"
                aria-label={`Gắn tệp đã tải lên cho ${code}`}
                placeholder="Gắn tệp đã tải lên"
                value={null}
                options={linkable}
                onChange={(id: string) =>
                  onChange(code, { evidenceIds: [...value.evidenceIds, id] })
                }
              />
            )}
          </div>
        )}
      </div>
    </section>
  );
});
