/**
 * A launched campaign of its own for Việc của tôi, written straight into PostgreSQL (its state is
 * read from there; no workflow is needed to read it): steps open around `now` for every role,
 * two units taking part (B has submitted), one unit outside, an agency appraising its criterion.
 */
import { randomBytes } from 'node:crypto';
import { type DataSource, In } from 'typeorm';
import { endOfLocalDay } from '../../src/api/auth/issue-token.js';
import { localDateOf } from '../../src/domain/reminders/local-clock.js';
import type { StepActor, StepKind } from '../../src/domain/words.js';
import {
  Account,
  Agency,
  ApiToken,
  Campaign,
  CampaignStep,
  Criterion,
  ExplanationRequest,
  IndexSet,
  Participation,
  SelfAssessment,
  Unit,
} from '../../src/entities/index.js';

const ZONE = 'Asia/Ho_Chi_Minh';
const DAY = 86_400_000;

export interface MyWorkFixture {
  campaign: Campaign;
  unitA: Unit;
  unitB: Unit;
  /** Submitted, and asked to explain criterion 1 (unanswered). */
  unitC: Unit;
  outsider: Unit;
  agency: Agency;
  otherAgency: Agency;
  /** The end of the local day `days` after `now` (the deadlines of the plan). */
  deadline(days: number): Date;
}

export async function createMyWorkCampaign(db: DataSource, now: Date): Promise<MyWorkFixture> {
  const tag = randomBytes(3).toString('hex').toUpperCase();
  const deadline = (days: number) =>
    endOfLocalDay(localDateOf(new Date(now.getTime() + days * DAY), ZONE));
  const opened = new Date(now.getTime() - 6 * DAY);
  return db.transaction(async (m) => {
    const campaign = await m.save(
      m.create(Campaign, {
        code: `viec-${tag.toLowerCase()}`,
        province: 'Vĩnh Long',
        year: now.getUTCFullYear(),
        name: `Xác định Chỉ số CCHC (việc của tôi ${tag})`,
        timeZone: ZONE,
        latePolicy: 'accept',
        status: 'launched',
        launchedAt: new Date(now.getTime() - 7 * DAY),
      }),
    );
    const step = (
      number: number,
      kind: StepKind,
      actor: StepActor,
      titleVi: string,
      due: Date | null,
    ) =>
      m.save(
        m.create(CampaignStep, {
          campaignId: campaign.id,
          number,
          kind,
          titleVi,
          titleEn: titleVi,
          actor,
          lead: 'Sở Nội vụ',
          coordinating: 'Tổ thư ký',
          opensAt: opened,
          deadline: due,
        }),
      );
    await step(3, 'self_assessment', 'units', 'Tự đánh giá, chấm điểm', deadline(4));
    await step(4, 'appraisal_round_1', 'appraisers', 'Thẩm định lần thứ nhất', deadline(-3));
    await step(
      5,
      'aggregation_round_1',
      'secretariat',
      'Tổng hợp kết quả lần thứ nhất',
      deadline(11),
    );
    await step(6, 'other', 'secretariat', 'Rà soát hồ sơ đánh giá', null);
    await step(8, 'explanation', 'units', 'Giải trình', deadline(2));
    await step(9, 'council_approval', 'council', 'Hội đồng thẩm định thông qua', deadline(24));
    const agency = await m.save(
      m.create(Agency, { code: `VA${tag}`, name: `Sở thẩm định ${tag}` }),
    );
    const otherAgency = await m.save(
      m.create(Agency, { code: `VB${tag}`, name: `Sở không thẩm định ${tag}` }),
    );
    const unit = (code: string, name: string) =>
      m.save(m.create(Unit, { code: `${code}${tag}`, name, group: 'department' }));
    const unitA = await unit('VA', `Sở Nội vụ (việc ${tag})`);
    const unitB = await unit('VB', `Sở Tư pháp (việc ${tag})`);
    const unitC = await unit('VC', `Sở Tài chính (việc ${tag})`);
    const outsider = await unit('VX', `Sở Y tế (không tham gia ${tag})`);
    await m.save(m.create(Participation, { campaignId: campaign.id, unitId: unitA.id }));
    const b = await m.save(
      m.create(Participation, { campaignId: campaign.id, unitId: unitB.id, status: 'submitted' }),
    );
    await m.save(
      m.create(SelfAssessment, {
        participationId: b.id,
        version: 1,
        status: 'submitted',
        submittedAt: new Date(now.getTime() - DAY),
        late: false,
        submittedBy: 'Đầu mối B',
      }),
    );
    const set = await m.save(
      m.create(IndexSet, {
        campaignId: campaign.id,
        group: 'department',
        name: 'Bộ chỉ số (việc của tôi)',
        illustrative: true,
      }),
    );
    const c = await m.save(
      m.create(Participation, {
        campaignId: campaign.id,
        unitId: unitC.id,
        status: 'explanation_requested',
      }),
    );
    await m.save(
      m.create(SelfAssessment, {
        participationId: c.id,
        version: 1,
        status: 'submitted',
        submittedAt: new Date(now.getTime() - 2 * DAY),
        late: false,
        submittedBy: 'Đầu mối C',
      }),
    );
    const criterion = await m.save(
      m.create(Criterion, {
        indexSetId: set.id,
        parentId: null,
        code: '1',
        level: 'field',
        kind: 'regular',
        title: 'Công tác chỉ đạo, điều hành CCHC',
        maxPoints: 2,
        agencyId: agency.id,
        evidenceRequired: false,
        sortOrder: 0,
      }),
    );
    await m.save(
      m.create(ExplanationRequest, {
        participationId: c.id,
        criterionId: criterion.id,
        status: 'confirmed',
        origin: 'secretariat',
        reason: 'Điểm tự chấm cao hơn điểm thẩm định',
        confirmedBy: 'Tổ thư ký',
        confirmedAt: new Date(now.getTime() - DAY),
      }),
    );
    return { campaign, unitA, unitB, unitC, outsider, agency, otherAgency, deadline };
  });
}

/** Removes the campaign (its steps, participations and index sets cascade), units and agencies. */
export async function deleteMyWorkCampaign(
  db: DataSource | undefined,
  f: MyWorkFixture | undefined,
) {
  if (!db || !f) return;
  const units = [f.unitA.id, f.unitB.id, f.unitC.id, f.outsider.id];
  const agencies = [f.agency.id, f.otherAgency.id];
  await db.getRepository(Campaign).delete({ id: f.campaign.id });
  for (const entity of [Account, ApiToken]) {
    await db.getRepository(entity).delete({ unitId: In(units) });
    await db.getRepository(entity).delete({ agencyId: In(agencies) });
  }
  await db.getRepository(Unit).delete({ id: In(units) });
  await db.getRepository(Agency).delete({ id: In(agencies) });
}
