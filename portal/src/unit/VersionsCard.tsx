import { Button, Drawer, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useApiGet } from '../api/use-api-get';
import { type SelfAssessment, type SelfAssessmentVersion, unitApi } from './unit-api';
import { formatInstant, formatPoints } from './unit-format';

/** The self-assessment's versions (GET …/versions), each readable as it was. */
export function VersionsCard({
  campaign,
  unitCode,
  versions,
}: {
  campaign: string;
  unitCode: string;
  versions: SelfAssessmentVersion[];
}) {
  const [shown, setShown] = useState<number | null>(null);
  return (
    <section aria-labelledby="phien-ban" className="unit-section">
      <Typography.Title level={2} id="phien-ban" className="section-title">
        Các phiên bản
      </Typography.Title>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Bảng các phiên bản">
        <Table<SelfAssessmentVersion>
          size="small"
          rowKey="version"
          pagination={false}
          dataSource={[...versions].reverse()}
          locale={{ emptyText: 'Chưa có phiên bản nào.' }}
          columns={[
            { title: 'Phiên bản', dataIndex: 'version' },
            {
              title: 'Trạng thái',
              render: (_, v) =>
                v.status === 'submitted' ? (
                  <Tag color={v.late ? '#874d00' : '#237804'}>{v.late ? 'Nộp muộn' : 'Đã nộp'}</Tag>
                ) : (
                  <Tag>Bản nháp</Tag>
                ),
            },
            {
              title: 'Nộp lúc',
              render: (_, v) => (v.submittedAt ? formatInstant(v.submittedAt) : '—'),
            },
            { title: 'Người nộp', render: (_, v) => v.submittedBy ?? '—' },
            { title: 'Cập nhật lúc', render: (_, v) => formatInstant(v.updatedAt) },
            {
              title: 'Xem',
              render: (_, v) => (
                <Button size="small" onClick={() => setShown(v.version)}>
                  Xem phiên bản {v.version}
                </Button>
              ),
            },
          ]}
        />
      </div>
      <Drawer
        open={shown !== null}
        onClose={() => setShown(null)}
        title={`Phiên bản ${shown ?? ''} (chỉ xem)`}
        size="large"
        destroyOnHidden
      >
        {shown !== null && <VersionView campaign={campaign} unitCode={unitCode} version={shown} />}
      </Drawer>
    </section>
  );
}

function VersionView({
  campaign,
  unitCode,
  version,
}: {
  campaign: string;
  unitCode: string;
  version: number;
}) {
  const state = useApiGet<SelfAssessment>(unitApi.selfAssessment(campaign, unitCode, version));
  if (state.status === 'loading') return <Spin description="Đang tải…" />;
  if (state.status === 'error')
    return (
      <Typography.Text type="danger">{`${state.error.title}: ${state.error.detail}`}</Typography.Text>
    );
  const view = state.data;
  return (
    <>
      <Typography.Paragraph>
        {view.status === 'submitted'
          ? `Đã nộp lúc ${formatInstant(view.submittedAt!)}${view.late ? ' (nộp muộn)' : ''}.`
          : 'Bản nháp, chưa nộp.'}
      </Typography.Paragraph>
      <div
        className="table-scroll"
        tabIndex={0}
        role="region"
        aria-label="Các tiêu chí của phiên bản"
      >
        <Table
          size="small"
          rowKey="criterionCode"
          pagination={false}
          dataSource={view.items}
          columns={[
            { title: 'Mã', dataIndex: 'criterionCode' },
            { title: 'Tiêu chí', dataIndex: 'title' },
            {
              title: 'Điểm',
              render: (_, item) =>
                item.notApplicable
                  ? 'Không áp dụng'
                  : item.score === null
                    ? '—'
                    : `${formatPoints(item.score)}/${formatPoints(item.maxPoints)}`,
            },
            { title: 'Ghi chú', render: (_, item) => item.note ?? '' },
            {
              title: 'Tài liệu',
              render: (_, item) =>
                item.evidence.map((e) => (
                  <div key={e.id}>
                    <a href={e.downloadUrl} target="_blank" rel="noreferrer">
                      {e.fileName}
                    </a>
                  </div>
                )),
            },
          ]}
        />
      </div>
    </>
  );
}
