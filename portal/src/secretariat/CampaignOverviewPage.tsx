import { ExportOutlined } from '@ant-design/icons';
import { Alert, App, Descriptions, Result, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { asApiError } from '../api/api-error';
import { useApiErrorNotice } from '../api/use-api-error-notice';
import { PageTitle } from '../pages/PageTitle';
import { campaignPages } from '../paths';
import { DraftSetup } from './DraftSetup';
import { CAMPAIGN_STATUS_LABELS, label, UNIT_STATUS_COLORS, UNIT_STATUS_LABELS } from './labels';
import {
  addParticipation,
  addParticipations,
  amendDeadline,
  ApiErrorWithRows,
  type CampaignDetail,
  type CampaignState,
  closeStep,
  type Delivery,
  getCampaign,
  getParticipations,
  getState,
  grantExtension,
  importIndexSet,
  openStep,
  type ParticipationRow,
  planStep,
  removeParticipation,
} from './secretariat-api';
import { StepTimeline } from './StepTimeline';
import { UnitDrawer } from './UnitDrawer';
import { UnitsTable } from './UnitsTable';
import './secretariat.css';

interface Loaded {
  campaign: CampaignDetail;
  state: CampaignState | null;
  units: ParticipationRow[];
}

const delivered = (answer: Delivery | null) =>
  answer?.delivery === 'pending' ? ' Quy trình sẽ nhận khi máy chủ Temporal trả lời lại.' : '';

/**
 * The secretariat's page of one campaign: its steps (GET /campaigns/{id}, by the campaign
 * rules), where its units stand (GET …/state, GET …/participations), the actions on steps and
 * units, the draft's setup, and links to the notifications, the results work, the council and
 * the workflow in the Temporal Web UI. Every action is decided by the API; its refusals are shown
 * as it words them.
 */
export function CampaignOverviewPage() {
  const { campaign: ref = '' } = useParams();
  const { message } = App.useApp();
  const showError = useApiErrorNotice();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failure, setFailure] = useState<{ title: string; detail: string } | null>(null);
  const [unit, setUnit] = useState<ParticipationRow | null>(null);
  const [version, setVersion] = useState(0);

  const reload = useCallback(async () => {
    try {
      const [campaign, units] = await Promise.all([getCampaign(ref), getParticipations(ref)]);
      const state = campaign.status === 'draft' ? null : await getState(ref);
      setLoaded({ campaign, state, units });
      setFailure(null);
    } catch (err) {
      const error = asApiError(err);
      setFailure({ title: error.title, detail: error.detail });
    }
  }, [ref]);
  useEffect(() => {
    setLoaded(null);
    void reload();
  }, [reload]);

  /** Runs an action; says it is done (and whether the workflow has it); shows the refusal. */
  const act = async (work: () => Promise<unknown>, done: string): Promise<boolean> => {
    try {
      const answer = (await work()) as Delivery | null;
      void message.success(`${done}${delivered(answer)}`);
      await reload();
      setVersion((v) => v + 1);
      return true;
    } catch (err) {
      showError(asApiError(err));
      return false;
    }
  };

  if (failure && !loaded) {
    return (
      <>
        <PageTitle tabTitle="Chiến dịch">Chiến dịch</PageTitle>
        <Result status="error" title={failure.title} subTitle={failure.detail} />
      </>
    );
  }
  if (!loaded) {
    return (
      <>
        <PageTitle tabTitle="Chiến dịch">Chiến dịch</PageTitle>
        <Spin description="Đang tải chiến dịch…" />
      </>
    );
  }
  const { campaign, state, units } = loaded;
  const code = campaign.code;
  const draft = campaign.status === 'draft';

  return (
    <>
      <PageTitle tabTitle={campaign.name}>{campaign.name}</PageTitle>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        className="campaign-facts"
        items={[
          { key: 'code', label: 'Mã', children: code },
          {
            key: 'status',
            label: 'Trạng thái',
            children: label(CAMPAIGN_STATUS_LABELS, campaign.status),
          },
          {
            key: 'step',
            label: 'Bước hiện tại',
            children: campaign.currentStep === null ? '—' : `Bước ${campaign.currentStep}`,
          },
          ...(campaign.launchedAtLocal
            ? [{ key: 'launched', label: 'Triển khai lúc', children: campaign.launchedAtLocal }]
            : []),
          ...(campaign.workflowId
            ? [{ key: 'workflow', label: 'Mã quy trình', children: campaign.workflowId }]
            : []),
        ]}
      />
      <nav aria-label="Trang liên quan" className="campaign-links">
        <Space wrap size={[16, 8]}>
          <Link to={campaignPages.notifications(code)}>Thư thông báo</Link>
          <Link to={campaignPages.resultsWork(code)}>Kết quả &amp; giải trình</Link>
          <Link to={campaignPages.council(code)}>Hội đồng</Link>
          {campaign.workflowUrl && (
            <a href={campaign.workflowUrl} target="_blank" rel="noreferrer">
              Quy trình trên Temporal <ExportOutlined aria-hidden />
            </a>
          )}
        </Space>
      </nav>
      {state && state.pendingDeliveries > 0 && (
        <Alert
          className="form-alert"
          type="warning"
          showIcon
          title={`${state.pendingDeliveries} thao tác đã ghi nhận, chờ chuyển tới quy trình (máy chủ Temporal chưa trả lời).`}
        />
      )}

      <Typography.Title level={2} className="section-title">
        Các bước
      </Typography.Title>
      <StepTimeline
        campaign={campaign}
        actions={{
          open: (step) => act(() => openStep(code, step.number), `Đã mở bước ${step.number}.`),
          close: (step) => act(() => closeStep(code, step.number), `Đã đóng bước ${step.number}.`),
          amend: (step, deadline, reason) =>
            act(
              () => amendDeadline(code, step.number, deadline, reason),
              `Đã điều chỉnh hạn bước ${step.number}.`,
            ),
          plan: (step, dates) =>
            act(() => planStep(code, step.number, dates), `Đã lưu ngày của bước ${step.number}.`),
        }}
      />

      {draft && (
        <DraftSetup
          onAdd={(unitCodes) =>
            unitCodes.length === 1
              ? act(() => addParticipation(code, unitCodes[0]!), `Đã thêm đơn vị ${unitCodes[0]}.`)
              : act(() => addParticipations(code, unitCodes), `Đã thêm ${unitCodes.length} đơn vị.`)
          }
          onImport={async (file) => {
            try {
              await importIndexSet(code, file);
              await reload();
              return { ok: true, rows: [], summary: `Đã nhập bộ chỉ số từ ${file.name}.` };
            } catch (err) {
              const error = asApiError(err);
              return {
                ok: false,
                rows: err instanceof ApiErrorWithRows ? err.rows : error.fields,
                summary: `${error.title}: ${error.detail}`,
              };
            }
          }}
        />
      )}

      <Typography.Title level={2} className="section-title">
        Đơn vị tham gia
      </Typography.Title>
      {state && (
        <Space wrap className="status-counts" aria-label="Số đơn vị theo trạng thái">
          {Object.entries(state.unitsByStatus).map(([status, count]) => (
            <Tag key={status} color={UNIT_STATUS_COLORS[status] ?? '#434343'}>
              {label(UNIT_STATUS_LABELS, status)}: {count}
            </Tag>
          ))}
        </Space>
      )}
      <UnitsTable
        rows={units}
        loading={false}
        draft={draft}
        onOpen={setUnit}
        onRemove={(row) =>
          void act(
            () => removeParticipation(code, row.unit.code),
            `Đã bỏ ${row.unit.code} khỏi chiến dịch.`,
          )
        }
      />
      <UnitDrawer
        campaign={campaign}
        row={unit}
        version={version}
        onClose={() => setUnit(null)}
        onExtend={(unitCode, stepNumber, deadline, reason) =>
          act(
            () => grantExtension(code, unitCode, stepNumber, deadline, reason),
            `Đã gia hạn bước ${stepNumber} cho ${unitCode}.`,
          )
        }
      />
    </>
  );
}
