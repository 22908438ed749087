import {
  Alert,
  Input,
  Progress,
  Result,
  Segmented,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useApiErrorNotice } from '../api/use-api-error-notice';
import { useApiGet } from '../api/use-api-get';
import { PageTitle } from '../pages/PageTitle';
import { campaignPages } from '../paths';
import { formatInstant } from '../results/format';
import { useSession } from '../session/session';
import {
  type CampaignState,
  type CampaignSummary,
  campaignPath,
  type ProgressView,
  progressPath,
  type Round,
  statePath,
  type UnitProgress,
} from './appraisal-api';
import { appraisalStepOf, roundOfState } from './round-of-state';
import { RoundSheetFiles } from './RoundSheetFiles';
import './appraisal.css';

type Status = 'none' | 'todo' | 'partial' | 'done';

const STATUS_LABELS: Record<Status, string> = {
  todo: 'Chưa chấm',
  partial: 'Đang chấm',
  done: 'Đã chấm xong',
  none: 'Không có tiêu chí cần chấm',
};

/** Dark tag colours (text on a light tint) that pass WCAG AA. */
const STATUS_COLORS: Record<Status, string> = {
  todo: '#a8071a',
  partial: '#874d00',
  done: '#237804',
  none: '#434343',
};

function statusOf(unit: UnitProgress): Status {
  if (unit.required === 0) return 'none';
  if (unit.entered === 0) return 'todo';
  return unit.entered < unit.required ? 'partial' : 'done';
}

const STEP_STATUS: Record<string, string> = {
  pending: 'chưa mở',
  open: 'đang mở',
  closed: 'đã đóng',
};

/**
 * The appraiser's units in a campaign: each unit's progress on the agency's criteria in round 1
 * or 2 (GET …/appraisals/progress), filters, search, and a link to each unit's scoring page;
 * the round's Excel file to download and import. The round first shown is the one the
 * campaign's state points to (GET …/state).
 */
export function AppraisalUnitsPage() {
  const { campaign = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const notice = useApiErrorNotice();
  const campaignInfo = useApiGet<CampaignSummary>(campaignPath(campaign));
  const state = useApiGet<CampaignState>(statePath(campaign));
  const stateData = state.status === 'ok' ? state.data : undefined;
  const asked = params.get('lan');
  const round: Round | undefined =
    asked === '1' || asked === '2'
      ? (Number(asked) as Round)
      : state.status === 'loading'
        ? undefined
        : roundOfState(stateData);
  const [reload, setReload] = useState(0);
  useEffect(() => {
    // A draft campaign has no state (409): the page still lists what the API allows.
    if (state.status === 'error' && state.error.status !== 409) notice(state.error);
  }, [state, notice]);

  const name = campaignInfo.status === 'ok' ? campaignInfo.data.name : campaign;
  const step = round ? appraisalStepOf(stateData, round) : undefined;

  if (campaignInfo.status === 'error' && campaignInfo.error.status === 404) {
    return (
      <>
        <PageTitle tabTitle="Thẩm định">Thẩm định</PageTitle>
        <Result
          status="404"
          title="Không tìm thấy chiến dịch"
          subTitle={campaignInfo.error.detail}
        />
      </>
    );
  }

  return (
    <>
      <PageTitle tabTitle="Thẩm định">Thẩm định — {name}</PageTitle>
      <Space orientation="vertical" size="middle" className="appraisal-page">
        <Space wrap size={[16, 8]} align="center">
          <Segmented<Round>
            aria-label="Lần thẩm định"
            value={round ?? 1}
            options={[
              { label: 'Thẩm định lần 1', value: 1 },
              { label: 'Thẩm định lần 2', value: 2 },
            ]}
            onChange={(value) => setParams({ lan: String(value) }, { replace: true })}
          />
          {step && (
            <Typography.Text>
              Bước {step.number} · {step.titleVi}: {STEP_STATUS[step.status] ?? step.status}
              {step.deadline && <>, hạn {formatInstant(step.deadline)}</>}
            </Typography.Text>
          )}
        </Space>
        {round === undefined ? (
          <Spin description="Đang tải…" />
        ) : (
          <>
            <RoundSheetFiles
              campaign={campaign}
              round={round}
              onImported={() => setReload((n) => n + 1)}
            />
            <UnitsProgress key={`${round}/${reload}`} campaign={campaign} round={round} />
          </>
        )}
      </Space>
    </>
  );
}

/** The round's progress: the agency's total, then each unit, filtered and searched. */
function UnitsProgress({ campaign, round }: { campaign: string; round: Round }) {
  const { me } = useSession();
  const notice = useApiErrorNotice();
  const progress = useApiGet<ProgressView>(progressPath(campaign, round));
  const [status, setStatus] = useState<Status | 'all'>('all');
  const [group, setGroup] = useState<string>('all');
  const [search, setSearch] = useState('');
  useEffect(() => {
    if (progress.status === 'error') notice(progress.error);
  }, [progress, notice]);

  const units = useMemo(() => (progress.status === 'ok' ? progress.data.units : []), [progress]);
  const groups = useMemo(
    () => [...new Map(units.map((u) => [u.group, u.groupName])).entries()],
    [units],
  );
  const shown = useMemo(() => {
    const words = search.trim().toLocaleLowerCase('vi');
    return units.filter(
      (u) =>
        (status === 'all' || statusOf(u) === status) &&
        (group === 'all' || u.group === group) &&
        (!words ||
          u.unitCode.toLocaleLowerCase('vi').includes(words) ||
          u.unitName.toLocaleLowerCase('vi').includes(words)),
    );
  }, [units, status, group, search]);
  const agency =
    progress.status === 'ok' && me?.role === 'appraiser' ? progress.data.agencies[0] : undefined;
  const total = progress.status === 'ok' ? progress.data.total : undefined;

  return (
    <>
      {total && (
        <div className="appraisal-total">
          <Typography.Text strong>
            {agency ? `${agency.agencyName} (${agency.agencyCode})` : 'Tất cả cơ quan thẩm định'}:
            đã chấm {total.entered}/{total.required} điểm tiêu chí
          </Typography.Text>
          <Progress
            percent={total.required ? Math.floor((total.entered / total.required) * 100) : 100}
            aria-label="Tiến độ chung"
          />
        </div>
      )}
      {round === 2 && total?.required === 0 && (
        <Alert
          type="info"
          showIcon
          title="Chưa có tiêu chí nào cần chấm lại ở lần 2: lần 2 chỉ chấm lại các tiêu chí đơn vị được đề nghị giải trình."
        />
      )}
      <Space wrap size={[12, 8]} className="appraisal-filters">
        <Input.Search
          allowClear
          placeholder="Tìm theo tên hoặc mã đơn vị"
          aria-label="Tìm đơn vị"
          onSearch={setSearch}
          onChange={(e) => setSearch(e.target.value)}
          className="appraisal-search"
        />
        <Select<Status | 'all'>
          aria-label="Lọc theo trạng thái"
          value={status}
          onChange={setStatus}
          className="appraisal-select"
          options={[
            { value: 'all', label: 'Mọi trạng thái' },
            ...(Object.keys(STATUS_LABELS) as Status[]).map((s) => ({
              value: s,
              label: STATUS_LABELS[s],
            })),
          ]}
        />
        <Select<string>
          aria-label="Lọc theo nhóm đơn vị"
          value={group}
          onChange={setGroup}
          className="appraisal-select"
          options={[
            { value: 'all', label: 'Mọi nhóm đơn vị' },
            ...groups.map(([value, label]) => ({ value, label: capitalize(label) })),
          ]}
        />
      </Space>
      <Table<UnitProgress>
        rowKey="unitCode"
        loading={progress.status === 'loading'}
        dataSource={shown}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: 'Không có đơn vị nào phù hợp.' }}
        columns={[
          {
            title: 'Đơn vị',
            key: 'unit',
            render: (_, u) => (
              <Link to={`${campaignPages.appraisalOfUnit(campaign, u.unitCode)}?lan=${round ?? 1}`}>
                {u.unitName} <span className="appraisal-code">({u.unitCode})</span>
              </Link>
            ),
          },
          {
            title: 'Nhóm',
            dataIndex: 'groupName',
            responsive: ['md'],
            render: (label: string) => capitalize(label),
          },
          {
            title: 'Tiến độ',
            key: 'progress',
            width: 180,
            responsive: ['sm'],
            render: (_, u) =>
              u.required === 0 ? (
                '—'
              ) : (
                <span className="appraisal-progress">
                  {u.entered}/{u.required}
                  <Progress
                    size="small"
                    showInfo={false}
                    percent={Math.floor((u.entered / u.required) * 100)}
                    aria-label={`Tiến độ ${u.unitName}`}
                  />
                </span>
              ),
          },
          {
            title: 'Trạng thái',
            key: 'status',
            render: (_, u) => {
              const s = statusOf(u);
              return (
                <Space wrap size={[4, 4]}>
                  <span className="appraisal-count">
                    {u.entered}/{u.required}
                  </span>
                  <Tag color={STATUS_COLORS[s]}>{STATUS_LABELS[s]}</Tag>
                </Space>
              );
            },
          },
        ]}
      />
    </>
  );
}

function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}
