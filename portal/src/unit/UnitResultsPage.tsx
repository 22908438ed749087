import { DownloadOutlined } from '@ant-design/icons';
import { Button, Result, Space, Spin, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { type ApiRequestError, asApiError } from '../api/api-error';
import { PageTitle } from '../pages/PageTitle';
import { campaignPages } from '../paths';
import { useSession } from '../session/session';
import { apiGetText, parseCsv, unitApi } from './unit-api';
import './unit.css';

type State =
  | { status: 'loading' }
  | { status: 'ok'; headers: string[]; rows: string[][] }
  | { status: 'error'; error: ApiRequestError };

/**
 * The unit's own results once announced: its score sheet (GET …/score-sheet, as CSV shown here
 * and as XLSX to download). Before the Chairman's decision the API answers 403: "chưa công bố".
 */
export function UnitResultsPage() {
  const { campaign = '', unitCode = '' } = useParams();
  const { me } = useSession();
  const [state, setState] = useState<State>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    apiGetText(unitApi.scoreSheet(campaign, unitCode, 'csv'), controller.signal).then(
      (text) => {
        const [headers = [], ...rows] = parseCsv(text).filter((r) => r.some((c) => c !== ''));
        setState({ status: 'ok', headers, rows });
      },
      (err: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error: asApiError(err) });
      },
    );
    return () => controller.abort();
  }, [campaign, unitCode]);

  const title = (
    <PageTitle tabTitle={`Kết quả ${unitCode}`}>Kết quả của đơn vị {unitCode}</PageTitle>
  );
  const links = (
    <Typography.Paragraph className="unit-subtitle">
      <Link to={campaignPages.selfAssessment(campaign, unitCode)}>Tự đánh giá</Link> ·{' '}
      <Link to={campaignPages.explanation(campaign, unitCode)}>Giải trình</Link> ·{' '}
      <Link to={campaignPages.publishedResults(campaign)}>Bảng xếp hạng công bố</Link>
    </Typography.Paragraph>
  );
  if (state.status === 'loading') {
    return (
      <>
        {title}
        <Spin description="Đang tải bảng điểm…" />
      </>
    );
  }
  if (state.status === 'error') {
    // The API refuses a unit its own scores before the results are announced (403); another
    // unit's always (403, shown as it words it).
    const notYet = state.error.status === 403 && me?.role === 'unit' && me.unitCode === unitCode;
    return (
      <>
        {title}
        {links}
        {notYet ? (
          <Result
            status="info"
            title="Kết quả chưa công bố"
            subTitle="Đơn vị xem được bảng điểm của mình sau khi Quyết định công bố kết quả của Chủ tịch UBND tỉnh được ghi nhận."
          />
        ) : (
          <Result
            status={state.error.status === 403 ? '403' : 'error'}
            title={state.error.title}
            subTitle={state.error.detail}
          />
        )}
      </>
    );
  }
  return (
    <>
      {title}
      {links}
      <Space className="page-actions">
        <Button icon={<DownloadOutlined />} href={unitApi.scoreSheet(campaign, unitCode, 'xlsx')}>
          Tải bảng điểm (Excel)
        </Button>
      </Space>
      {/* Wide: it scrolls sideways, and a keyboard can scroll it (it takes the focus). */}
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Bảng điểm của đơn vị">
        <Table
          size="small"
          pagination={false}
          dataSource={state.rows.map((cells, row) => ({
            key: String(row),
            ...Object.fromEntries(cells.map((c, i) => [`c${i}`, c])),
          }))}
          columns={state.headers.map((h, i) => ({ title: h, dataIndex: `c${i}`, key: `c${i}` }))}
        />
      </div>
    </>
  );
}
