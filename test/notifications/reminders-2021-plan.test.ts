/**
 * Reminders, escalations and digests of the 2021 Vĩnh Long plan on a time-skipping server whose
 * clock starts on 31/10/2021: three units (on time, late, never), the real notifications workflow
 * and activities, real PostgreSQL and the run's MailDev (a real SMTP server on loopback).
 */
import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildCampaignWorkflowInput } from '../../src/api/campaigns/campaign-workflow-input.js';
import { vietnamBusinessCalendar } from '../../src/domain/calendar/vietnam.js';
import { formatLocalDateTime } from '../../src/domain/local-time.js';
import {
  Campaign,
  CampaignStep,
  Notification,
  Participation,
  SelfAssessment,
} from '../../src/entities/index.js';
import { campaignWorkflow } from '../../src/workflows/index.js';
import {
  chairmanDecisionSignal,
  closeStepSignal,
  councilApprovalSignal,
  selfAssessmentSubmittedSignal,
} from '../../src/contracts/signals.js';
import { unitWorkflowId } from '../../src/contracts/workflow-ids.js';
import { local, type Plan2021World, startPlan2021World } from '../support/plan-2021-world.js';
import '../support/provided.js';

const TASK_QUEUE = 'par-reminders-2021';
const UNITS = ['SNV', 'STP', 'TTT'];
/** "dd/MM/yyyy HH:mm …" lines in time order. */
const byDate = (a: string, b: string) => {
  const key = (line: string) =>
    `${line.slice(6, 10)}${line.slice(3, 5)}${line.slice(0, 2)}${line.slice(10)}`;
  return key(a).localeCompare(key(b));
};

interface MailDevMessage {
  headers: Record<string, string>;
  to: { address: string }[];
  cc?: { address: string }[];
  subject: string;
}

describe('reminders of the 2021 plan, on timers, to a real SMTP server', () => {
  let world: Plan2021World;
  const workflowId = 'par-2021-vinhlong';

  beforeAll(async () => {
    world = await startPlan2021World({
      codePrefix: 'vinhlong-2021-mail',
      taskQueue: TASK_QUEUE,
      units: UNITS,
    });
  });

  afterAll(() => world?.close());

  it('sends each unit, agency, the secretariat and the council exactly what the plan says', async () => {
    const { env, db, campaignId } = world;
    // Launched as the API records it: the waves decide from the steps' views since the launch.
    await db
      .getRepository(Campaign)
      .update(
        { id: campaignId },
        { status: 'launched', launchedAt: new Date(await env.currentTimeMs()), workflowId },
      );
    const campaign = await db.getRepository(Campaign).findOneByOrFail({ id: campaignId });
    const steps = await db.getRepository(CampaignStep).findBy({ campaignId });
    const handle = await env.client.workflow.start(campaignWorkflow, {
      workflowId,
      taskQueue: TASK_QUEUE,
      args: [buildCampaignWorkflowInput(campaign, steps)],
    });
    const advanceTo = async (instant: Date) => {
      const now = await env.currentTimeMs();
      if (instant.getTime() > now) await env.sleep(instant.getTime() - now);
    };
    // As the API does: the submission is committed, then the unit workflow is told.
    const submit = async (unitCode: string, at: Date) => {
      const participation = await db
        .getRepository(Participation)
        .createQueryBuilder('p')
        .innerJoin('p.unit', 'u')
        .where('p.campaign_id = :campaignId AND u.code = :unitCode', { campaignId, unitCode })
        .getOneOrFail();
      await db.getRepository(SelfAssessment).save({
        participationId: participation.id,
        version: 1,
        status: 'submitted',
        submittedAt: at,
        late: false,
        submittedBy: unitCode,
      });
      await env.client.workflow
        .getHandle(unitWorkflowId(workflowId, unitCode))
        .signal(selfAssessmentSubmittedSignal, { submittedAt: at.toISOString(), version: 1 });
    };

    // As the API does: the step's completion is committed, then the campaign workflow is told
    // (the waves read what PostgreSQL records: a step completed in time is not escalated).
    const complete = async (
      step: number,
      at: Date,
      by: 'secretariat' | 'council' | 'chairman' = 'secretariat',
    ) => {
      await db
        .getRepository(CampaignStep)
        .update({ campaignId, number: step }, { completedAt: at, completedBy: by });
    };
    const close = async (step: number, at: Date) => {
      await complete(step, at);
      await handle.signal(closeStepSignal, { step });
    };

    await advanceTo(local('2021-11-10T09:00:00'));
    await close(1, local('2021-11-10T09:00:00'));
    await close(2, local('2021-11-10T09:00:00'));
    // SNV submits on time (after the first reminder), STP late, TTT never.
    await advanceTo(local('2021-12-16T10:00:00'));
    await submit('SNV', local('2021-12-16T10:00:00'));
    await advanceTo(local('2021-12-28T10:00:00'));
    await submit('STP', local('2021-12-28T10:00:00'));
    await advanceTo(local('2021-12-31T16:00:00'));
    await close(4, local('2021-12-31T16:00:00'));
    await advanceTo(local('2022-01-14T16:00:00'));
    await close(5, local('2022-01-14T16:00:00'));
    await advanceTo(local('2022-01-28T16:00:00'));
    await close(7, local('2022-01-28T16:00:00'));
    await advanceTo(local('2022-02-11T16:00:00'));
    await close(8, local('2022-02-11T16:00:00'));
    await advanceTo(local('2022-02-16T10:00:00'));
    await complete(9, local('2022-02-16T10:00:00'), 'council');
    await handle.signal(councilApprovalSignal, {
      approvedAt: local('2022-02-16T10:00:00').toISOString(),
      note: 'Thông qua',
    });
    await advanceTo(local('2022-02-28T15:00:00'));
    await complete(10, local('2022-02-28T15:00:00'), 'chairman');
    await handle.signal(chairmanDecisionSignal, { number: '456/QĐ-UBND', date: '2022-02-28' });
    await advanceTo(local('2022-03-10T09:00:00'));
    await close(11, local('2022-03-10T09:00:00'));
    await handle.result();

    // The log: one row per message, all sent, at the local time the plan says.
    const rows = await db.getRepository(Notification).find({ where: { campaignId } });
    const zone = 'Asia/Ho_Chi_Minh';
    const sent = rows
      .map((n) => {
        const [date, time] = formatLocalDateTime(n.scheduledFor, zone).split(' ');
        return `${date} ${time} ${n.kind} ${n.businessKey.split('/')[1]} ${n.status}`;
      })
      .sort(byDate);
    const agencies = ['SKHCN', 'SNV', 'STC', 'STP', 'STTTT', 'VPUBND'];
    const toAgencies = (day: string) =>
      agencies.map((a) => `${day} 08:00 appraisal_reminder agency:${a} sent`);
    expect(sent).toEqual(
      [
        // Self-assessment, 01–24/12/2021 (Fri): opened digest, each focal point told the window
        // opened; 7, 3 and 1 working days before.
        '01/12/2021 08:00 digest_window_opened secretariat sent',
        '01/12/2021 08:00 window_opened unit:SNV sent',
        '01/12/2021 08:00 window_opened unit:STP sent',
        '01/12/2021 08:00 window_opened unit:TTT sent',
        '15/12/2021 08:00 reminder unit:SNV sent', // SNV submitted on 16/12: nothing more
        '15/12/2021 08:00 reminder unit:STP sent',
        '15/12/2021 08:00 reminder unit:TTT sent',
        '21/12/2021 08:00 reminder unit:STP sent',
        '21/12/2021 08:00 reminder unit:TTT sent',
        '23/12/2021 08:00 reminder unit:STP sent',
        '23/12/2021 08:00 reminder unit:TTT sent',
        // Round 1 (27–31/12): one working day before it opens (24/12), 3 and 1 before its end.
        ...toAgencies('24/12/2021'),
        // Missed deadline: escalation to the head on the next working day (25–26/12 weekend).
        '27/12/2021 08:00 digest_window_closed secretariat sent',
        '27/12/2021 08:00 escalation unit-head:STP sent', // STP submits late on 28/12
        '27/12/2021 08:00 escalation unit-head:TTT sent',
        ...toAgencies('28/12/2021'),
        // TTT, still missing while late intake runs to round 1's end: every 2 working days.
        '29/12/2021 08:00 overdue_reminder unit:TTT sent',
        ...toAgencies('30/12/2021'),
        '31/12/2021 08:00 overdue_reminder unit:TTT sent',
        // Explanations (17–21/01/2022): no unit was asked, so only the digests; and round 2
        // (24–28/01), which re-scores only explained criteria, asks no agency for anything: its
        // reminders of 21/01, 25/01 and 27/01 are not sent.
        '17/01/2022 08:00 digest_window_opened secretariat sent',
        '24/01/2022 08:00 digest_window_closed secretariat sent',
        // Tết 29/01–06/02: nothing. The council meets on 15/02: 3 and 1 working days before.
        // Every step its actor completed in time (rounds, aggregations, approval, decision): no
        // escalation of an agency, the council or the secretariat.
        '10/02/2022 08:00 council_reminder council sent',
        '14/02/2022 08:00 council_reminder council sent',
      ].sort(byDate),
    );

    // No message on a weekend or a holiday (Tết included).
    const calendar = vietnamBusinessCalendar();
    const days = rows.map((n) => formatLocalDateTime(n.scheduledFor, zone).slice(0, 10));
    const iso = (day: string) => day.split('/').reverse().join('-');
    expect(days.filter((day) => !calendar.isWorkingDay(iso(day)))).toEqual([]);

    // The SMTP server received each of them exactly once, addressed as the log says.
    const res = await fetch(`${inject('mailApiUrl')}/email`);
    const received = ((await res.json()) as MailDevMessage[]).filter((m) =>
      m.headers['x-par-business-key']?.startsWith(`${campaignId}/`),
    );
    const receivedKeys = received.map((m) => m.headers['x-par-business-key']!).sort();
    expect(receivedKeys).toEqual(rows.map((n) => n.businessKey).sort());
    const escalation = received.find((m) =>
      m.headers['x-par-business-key']!.includes('/unit-head:TTT/'),
    )!;
    expect(escalation.to.map((t) => t.address)).toEqual(['chanhthanhtra.ttt@example.vn']);
    expect(escalation.cc?.map((c) => c.address)).toEqual(['thuky.cchc@snv.example.gov.vn']);
    expect(escalation.subject).toMatch(/Thanh tra tỉnh/);
  });
});
