import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Result, Space, Spin, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useParams } from 'react-router';
import {
  type PublicResults,
  publicResultsExportPath,
  publicResultsPath,
} from '../api/public-results';
import { useApiErrorNotice } from '../api/use-api-error-notice';
import { useApiGet } from '../api/use-api-get';
import { PageTitle } from '../pages/PageTitle';
import { bandColor } from './band-colors';
import { formatInstant, formatLocalDate } from './format';
import { GroupResultsTable } from './GroupResultsTable';
import './results.css';

/** The published results of one campaign, readable without signing in. */
export function ResultsPage() {
  const { campaign = '' } = useParams();
  const state = useApiGet<PublicResults>(publicResultsPath(campaign));
  const notice = useApiErrorNotice();
  const unexpected = state.status === 'error' && state.error.status !== 404;
  useEffect(() => {
    if (state.status === 'error' && unexpected) notice(state.error);
  }, [state, unexpected, notice]);

  if (state.status === 'loading') {
    return (
      <>
        <PageTitle tabTitle="Kết quả">Kết quả Chỉ số CCHC</PageTitle>
        <Spin description="Đang tải kết quả…" />
      </>
    );
  }
  if (state.status === 'error') {
    return (
      <>
        <PageTitle tabTitle="Kết quả">Kết quả Chỉ số CCHC</PageTitle>
        {unexpected ? (
          <Result status="error" title={state.error.title} subTitle={state.error.detail} />
        ) : (
          <Result status="info" title="Kết quả chưa công bố" subTitle={state.error.detail} />
        )}
      </>
    );
  }
  return <PublishedResults results={state.data} />;
}

/** The files of the announced results, as staff download them. */
const EXPORTS = [
  { format: 'xlsx', label: 'Tải tệp Excel' },
  { format: 'csv', label: 'Tải tệp CSV' },
] as const;

function PublishedResults({ results }: { results: PublicResults }) {
  return (
    <>
      <PageTitle tabTitle={`Kết quả ${results.year}`}>{results.campaignName}</PageTitle>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        className="results-facts"
        items={[
          {
            key: 'decision',
            label: 'Quyết định công bố',
            children: results.decision
              ? `Số ${results.decision.number} ngày ${formatLocalDate(results.decision.date)}`
              : 'Không ghi số',
          },
          { key: 'published', label: 'Công bố lúc', children: formatInstant(results.publishedAt) },
        ]}
      />
      <Space wrap size={[8, 8]} className="band-legend" aria-label="Các mức xếp loại">
        <Typography.Text>Xếp loại:</Typography.Text>
        {results.ratingBands.map((band) => (
          <Tag key={band.label} color={bandColor(band.label, results.ratingBands)}>
            {band.label} {bandRange(band.min, band.max)}
          </Tag>
        ))}
      </Space>
      <div className="results-exports">
        <Space wrap>
          {EXPORTS.map(({ format, label }) => (
            <Button
              key={format}
              icon={<DownloadOutlined />}
              href={publicResultsExportPath(results.campaignCode, format)}
              download
            >
              {label}
            </Button>
          ))}
        </Space>
      </div>
      {results.groups.map((group) => (
        <GroupResultsTable key={group.group} group={group} bands={results.ratingBands} />
      ))}
      <Alert
        type="info"
        showIcon
        className="exports-note"
        title="Các đơn vị cùng hạng được ghi “đồng hạng”; tệp Excel có một trang cho mỗi nhóm đơn vị."
      />
    </>
  );
}

/** "(từ 90)", "(80 đến dưới 90)", "(dưới 50)". */
function bandRange(min: number | null, max: number | null): string {
  if (min !== null && max !== null) return `(${min} đến dưới ${max})`;
  if (min !== null) return `(từ ${min})`;
  if (max !== null) return `(dưới ${max})`;
  return '';
}
