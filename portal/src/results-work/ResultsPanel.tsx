import { CalculatorOutlined, DownloadOutlined, LockOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { bandColor } from '../results/band-colors';
import { formatInstant } from '../results/format';
import { ComputedResultsTables } from './ComputedResultsTables';
import {
  type CampaignDetail,
  type CampaignState,
  computeResults,
  type FixResult,
  fixScores,
  progressPath,
  type ResultProblem,
  type Results,
  resultsExportUrl,
  resultsPath,
  type RoundProgress,
  type RatingBand,
  setRatingBands,
} from './results-api';
import { RatingBandsModal } from './RatingBandsModal';
import { StepLine } from './StepStatus';
import { useAct } from './use-act';
import { useLoad } from './use-load';

function problemsOf(body: unknown): ResultProblem[] {
  const errors = (body as { errors?: unknown } | null)?.errors;
  return Array.isArray(errors)
    ? errors.filter(
        (e): e is ResultProblem =>
          typeof e === 'object' && e !== null && typeof (e as ResultProblem).message === 'string',
      )
    : [];
}

/** "(từ 90)", "(80 đến dưới 90)", "(dưới 50)". */
export function bandRange(band: RatingBand): string {
  if (band.min !== null && band.max !== null) return `(${band.min} đến dưới ${band.max})`;
  if (band.min !== null) return `(từ ${band.min})`;
  if (band.max !== null) return `(dưới ${band.max})`;
  return '';
}

/**
 * Steps 8 and after for the secretariat: fix the appraised scores (round 2 where re-scored,
 * else round 1), compute the results, read them and download them.
 */
export function ResultsPanel({
  campaign,
  detail,
  state,
  onChanged,
}: {
  campaign: string;
  detail: CampaignDetail;
  state: CampaignState;
  onChanged: () => void;
}) {
  const { act, busy } = useAct();
  const [results, reloadResults] = useLoad<Results>(resultsPath(campaign));
  const [progress] = useLoad<RoundProgress>(progressPath(campaign, 1));
  const [fixed, setFixed] = useState<FixResult | null>(null);
  const [editingBands, setEditingBands] = useState(false);
  const [problems, setProblems] = useState<{ detail: string; list: ResultProblem[] } | null>(null);

  const fix = async () => {
    const result = await act('fix', () => fixScores(campaign), {
      done: 'Đã chốt điểm thẩm định.',
    });
    if (result) {
      setFixed(result);
      onChanged();
    }
  };

  const compute = async () => {
    setProblems(null);
    const result = await act('compute', () => computeResults(campaign), {
      done: 'Đã tính kết quả.',
      onError: (error) => {
        const list = problemsOf(error.body);
        if (list.length === 0) return false;
        setProblems({ detail: error.detail, list });
        return true;
      },
    });
    if (result) await reloadResults();
  };

  const saveBands = async (bands: RatingBand[] | null) => {
    const saved = await act('bands', () => setRatingBands(campaign, bands), {
      done: bands ? 'Đã lưu các mức xếp loại.' : 'Đã dùng lại các mức xếp loại mặc định.',
    });
    if (!saved) return false;
    setEditingBands(false);
    await reloadResults();
    return true;
  };

  const view = results.data;
  const noResults = results.status === 'error' && results.error.status === 404;
  return (
    <Space orientation="vertical" size={16} className="full-width">
      <div className="step-lines">
        <StepLine kind="aggregation_round_2" state={state} campaign={detail} />
      </div>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          {
            key: 'round1',
            label: 'Thẩm định lần 1',
            children: progress.data
              ? `${progress.data.total.entered}/${progress.data.total.required} điểm đã chấm`
              : '…',
          },
          {
            key: 'fixed',
            label: 'Điểm thẩm định',
            children: state.scoresFixed
              ? `Đã chốt lúc ${formatInstant(state.scoresFixed.at)}${state.scoresFixed.by ? ` (${state.scoresFixed.by})` : ''}`
              : 'Chưa chốt',
          },
          {
            key: 'computed',
            label: 'Kết quả',
            children: view
              ? `${view.status === 'published' ? 'Đã công bố' : 'Đã tính'} lúc ${formatInstant(view.publishedAt ?? view.computedAt)}`
              : 'Chưa tính',
          },
        ]}
      />
      <Space wrap>
        <Popconfirm
          title="Chốt điểm thẩm định?"
          description="Điểm cuối cùng là điểm lần 2 nếu có chấm lại, nếu không là điểm lần 1. Sau khi chốt, cơ quan thẩm định không sửa điểm được nữa; Hội đồng điều chỉnh kết quả kèm lý do."
          okText="Chốt điểm"
          cancelText="Hủy"
          onConfirm={() => void fix()}
        >
          <Button icon={<LockOutlined />} loading={busy === 'fix'}>
            Chốt điểm thẩm định
          </Button>
        </Popconfirm>
        <Button
          type="primary"
          icon={<CalculatorOutlined />}
          loading={busy === 'compute'}
          onClick={() => void compute()}
        >
          Tính kết quả
        </Button>
        {view && (
          <>
            <Button icon={<DownloadOutlined />} href={resultsExportUrl(campaign, 'xlsx')}>
              Tải Excel
            </Button>
            <Button icon={<DownloadOutlined />} href={resultsExportUrl(campaign, 'csv')}>
              Tải CSV
            </Button>
          </>
        )}
      </Space>
      {fixed && (
        <Alert
          type="success"
          showIcon
          title={`Đã chốt điểm của ${fixed.units} đơn vị lúc ${formatInstant(fixed.scoresFixedAt)}`}
          description={
            fixed.keptRoundOne.length > 0
              ? `Giữ điểm lần 1 (không chấm lại ở lần 2): ${fixed.keptRoundOne
                  .map((k) => `${k.unitCode}: ${k.criteria.join(', ')}`)
                  .join('; ')}.`
              : undefined
          }
        />
      )}
      {problems && (
        <Alert
          type="error"
          showIcon
          title={`Chưa tính được kết quả: ${problems.list.length} vấn đề`}
          description={
            <ul className="problem-list">
              {problems.list.map((p, i) => (
                <li key={i}>{p.message}</li>
              ))}
            </ul>
          }
        />
      )}
      {results.status === 'error' && !noResults && (
        <Alert
          type="error"
          showIcon
          title={results.error.title}
          description={results.error.detail}
        />
      )}
      {noResults && !view && (
        <Alert
          type="info"
          showIcon
          title="Chưa có kết quả"
          description="Chốt điểm thẩm định rồi bấm “Tính kết quả”."
        />
      )}
      {view && (
        <>
          <Space wrap size={[8, 8]} aria-label="Các mức xếp loại">
            <Typography.Text>Xếp loại:</Typography.Text>
            {view.ratingBands.map((band) => (
              <Tag key={band.label} color={bandColor(band.label, view.ratingBands)}>
                {band.label} {bandRange(band)}
              </Tag>
            ))}
            {view.status === 'computed' && (
              <Button size="small" onClick={() => setEditingBands(true)}>
                Sửa các mức
              </Button>
            )}
          </Space>
          <RatingBandsModal
            open={editingBands}
            bands={view.ratingBands}
            onSave={saveBands}
            onClose={() => setEditingBands(false)}
          />
          <ComputedResultsTables results={view} />
        </>
      )}
    </Space>
  );
}
