/**
 * The record activities on a real PostgreSQL: a unit's status only moves forward, whoever writes
 * it (issue 12, observation 5: a unit workflow's 'missing' must not overwrite the 'late' the API
 * committed between the workflow's look-up and its write), and a unit's snapshot holds every
 * action the API recorded, for a workflow that reads it again before it decides by time.
 */
import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createCampaignRecordActivities } from '../../src/activities/campaign-records.js';
import { createDataSource } from '../../src/db/data-source.js';
import type { UnitStatus } from '../../src/domain/words.js';
import {
  type Campaign,
  Participation,
  SelfAssessment,
  StepExtension,
} from '../../src/entities/index.js';
import {
  addParticipation,
  createDraftCampaign,
  createUnit,
  deleteCampaigns,
} from '../support/api-fixtures.js';
import '../support/provided.js';

describe('campaign record activities', () => {
  let db: DataSource;
  let campaign: Campaign;
  const records = () => createCampaignRecordActivities(db);

  beforeAll(async () => {
    db = createDataSource(inject('databaseUrl'));
    await db.initialize();
    campaign = await createDraftCampaign(db);
  });

  afterAll(async () => {
    await db.query(
      `DELETE FROM self_assessments WHERE participation_id IN
         (SELECT id FROM participations WHERE campaign_id = $1)`,
      [campaign.id],
    );
    await deleteCampaigns(db, [campaign.code]);
    await db.destroy();
  });

  const participation = async (status: UnitStatus = 'registered') => {
    const unit = await createUnit(db);
    const row = await addParticipation(db, campaign.id, unit.id);
    if (status !== 'registered') await db.getRepository(Participation).update(row.id, { status });
    return row.id;
  };
  const statusOf = async (id: string) =>
    (await db.getRepository(Participation).findOneByOrFail({ id })).status;
  const at = new Date('2021-12-24T17:00:00Z').toISOString();

  it("never lets a workflow's 'missing' overwrite the 'late' the API committed meanwhile", async () => {
    const id = await participation();
    // The workflow looked in PostgreSQL and found no submission; then the API committed one.
    await db.getRepository(Participation).update(id, { status: 'late' });
    expect(await records().moveUnitStatus({ participationId: id, status: 'missing', at })).toBe(
      'late',
    );
    // The activity of campaigns launched before the rules writes the same way.
    await records().recordUnitStatus({ participationId: id, status: 'missing', at });
    expect(await statusOf(id)).toBe('late');
  });

  it('moves a status forward and reports what is recorded', async () => {
    const id = await participation();
    const move = (status: UnitStatus) =>
      records().moveUnitStatus({ participationId: id, status, at });
    expect(await move('missing')).toBe('missing');
    expect(await move('late')).toBe('late'); // a late submission after the deadline
    expect(await move('submitted')).toBe('late'); // the first submission decided
    expect(await move('explanation_requested')).toBe('explanation_requested');
    expect(await move('explanation_missing')).toBe('explanation_missing');
    expect(await move('explained')).toBe('explained'); // delivered after its deadline's timer
    expect(await move('completed')).toBe('completed');
    expect(await move('registered')).toBe('completed');
    expect(await move('explanation_requested')).toBe('completed');
  });

  it('leaves completed units as they are when a batch records the announcement again', async () => {
    const id = await participation('completed');
    const before = await db.getRepository(Participation).findOneByOrFail({ id });
    const code = (
      await db.query<{ code: string }[]>(
        'SELECT u.code FROM participations p JOIN units u ON u.id = p.unit_id WHERE p.id = $1',
        [id],
      )
    )[0]!.code;
    await records().recordUnitsCompleted({
      campaignId: campaign.id,
      unitCodes: [code],
      at: new Date('2022-03-01T00:00:00Z').toISOString(),
    });
    const after = await db.getRepository(Participation).findOneByOrFail({ id });
    expect(after.statusChangedAt).toEqual(before.statusChangedAt);
  });

  it("reads a unit's facts as the API recorded them: submission, extension, status", async () => {
    const id = await participation();
    await db.getRepository(SelfAssessment).save({
      participationId: id,
      version: 1,
      status: 'submitted',
      submittedAt: new Date('2021-12-20T07:00:00Z'),
      late: false,
      submittedBy: 'Đầu mối',
    });
    await db.getRepository(StepExtension).save({
      participationId: id,
      stepNumber: 3,
      deadline: new Date('2021-12-28T16:59:59Z'),
      grantedBy: 'Tổ thư ký',
    });
    await db.getRepository(Participation).update(id, { status: 'submitted' });
    const snapshot = await records().loadUnitSnapshot({
      campaignId: campaign.id,
      participationId: id,
    });
    expect(snapshot).toMatchObject({
      status: 'submitted',
      version: 1,
      request: null,
      facts: {
        latePolicy: 'accept',
        submission: { submittedAt: Date.parse('2021-12-20T07:00:00Z'), late: false },
        selfAssessment: { stepNumber: 3, extension: Date.parse('2021-12-28T16:59:59Z') },
        roundOne: { stepNumber: 4 },
        publishedAt: null,
      },
    });
    expect(
      await records().loadUnitSnapshot({ campaignId: campaign.id, participationId: campaign.id }),
    ).toBeNull();
  });
});
