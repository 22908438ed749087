import type { DataSource } from 'typeorm';
import {
  Campaign,
  CampaignStep,
  Participation,
  SelfAssessment,
  StepExtension,
} from '../entities/index.js';
import type { UnitRef } from '../contracts/unit.js';
import type { UnitStatus } from '../domain/words.js';

export interface StepRecord {
  campaignId: string;
  stepNumber: number;
  status: 'pending' | 'open' | 'closed';
  openedAt?: string | null;
  closedAt?: string | null;
  closedBy?: string | null;
  overdue?: boolean;
  /** A deadline amended through the workflow. */
  deadline?: string | null;
}

/**
 * Activities that keep PostgreSQL in step with the workflows, so the API's reports agree with
 * them. Each is idempotent: it sets a state rather than appending, so a retry or a replay writes
 * the same row again.
 */
export interface CampaignRecordActivities {
  countUnits(campaignId: string): Promise<number>;
  loadUnitSlice(input: { campaignId: string; offset: number; limit: number }): Promise<UnitRef[]>;
  recordStep(record: StepRecord): Promise<void>;
  recordCampaign(input: {
    campaignId: string;
    status: 'launched' | 'completed';
    currentStep: number | null;
  }): Promise<void>;
  recordUnitStatus(input: {
    participationId: string;
    status: UnitStatus;
    at: string;
  }): Promise<void>;
  /** 'completed' for the given units of the campaign (the announcement), in one statement. */
  recordUnitsCompleted(input: {
    campaignId: string;
    unitCodes: string[];
    at: string;
  }): Promise<void>;
  /**
   * The unit's submitted self-assessment as PostgreSQL has it (first submission time, newest
   * version), for when the API recorded a submission whose signal never reached the workflow.
   */
  findSubmittedSelfAssessment(
    participationId: string,
  ): Promise<{ submittedAt: string; version: number } | null>;
  /**
   * Of the given units, those whose self-assessment is still awaited (registered) or missing:
   * the units the end of late intake concerns.
   */
  unitsAwaitingSelfAssessment(input: {
    campaignId: string;
    unitCodes: string[];
  }): Promise<string[]>;
}

export function createCampaignRecordActivities(dataSource: DataSource): CampaignRecordActivities {
  return {
    async countUnits(campaignId) {
      return dataSource.getRepository(Participation).countBy({ campaignId });
    },

    async loadUnitSlice({ campaignId, offset, limit }) {
      // Ordered by unit code so each batch always gets the same slice.
      const rows = await dataSource
        .getRepository(Participation)
        .createQueryBuilder('p')
        .innerJoin('p.unit', 'u')
        .select(['p.id AS id', 'u.code AS code'])
        .where('p.campaign_id = :campaignId', { campaignId })
        .orderBy('u.code', 'ASC')
        .offset(offset)
        .limit(limit)
        .getRawMany<{ id: string; code: string }>();
      if (rows.length === 0) return [];
      const extensions = await dataSource
        .getRepository(StepExtension)
        .createQueryBuilder('e')
        .where('e.participation_id IN (:...ids)', { ids: rows.map((r) => r.id) })
        .getMany();
      return rows.map((row) => {
        const own = extensions.filter((e) => e.participationId === row.id);
        return {
          code: row.code,
          participationId: row.id,
          ...(own.length > 0
            ? {
                extensions: Object.fromEntries(
                  own.map((e) => [e.stepNumber, e.deadline.toISOString()]),
                ),
              }
            : {}),
        };
      });
    },

    async recordStep(record) {
      const patch: Record<string, unknown> = { status: record.status };
      if (record.openedAt !== undefined)
        patch.openedAt = record.openedAt && new Date(record.openedAt);
      if (record.closedAt !== undefined)
        patch.closedAt = record.closedAt && new Date(record.closedAt);
      if (record.closedBy !== undefined) patch.closedBy = record.closedBy;
      if (record.overdue !== undefined) patch.overdue = record.overdue;
      if (record.deadline !== undefined)
        patch.deadline = record.deadline && new Date(record.deadline);
      await dataSource
        .getRepository(CampaignStep)
        .update({ campaignId: record.campaignId, number: record.stepNumber }, patch);
    },

    async recordCampaign({ campaignId, status, currentStep }) {
      await dataSource.getRepository(Campaign).update({ id: campaignId }, { status, currentStep });
    },

    async findSubmittedSelfAssessment(participationId) {
      const row = await dataSource
        .getRepository(SelfAssessment)
        .createQueryBuilder('sa')
        .select('MIN(sa.submitted_at)', 'first')
        .addSelect('MAX(sa.version)', 'version')
        .where('sa.participation_id = :participationId', { participationId })
        .andWhere("sa.status = 'submitted'")
        .getRawOne<{ first: Date | null; version: number | null }>();
      if (!row?.first) return null;
      return { submittedAt: new Date(row.first).toISOString(), version: Number(row.version) };
    },

    async unitsAwaitingSelfAssessment({ campaignId, unitCodes }) {
      if (unitCodes.length === 0) return [];
      const rows = await dataSource
        .getRepository(Participation)
        .createQueryBuilder('p')
        .innerJoin('p.unit', 'u')
        .select('u.code', 'code')
        .where('p.campaign_id = :campaignId', { campaignId })
        .andWhere('u.code IN (:...unitCodes)', { unitCodes })
        .andWhere("p.status IN ('registered', 'missing')")
        .orderBy('u.code', 'ASC')
        .getRawMany<{ code: string }>();
      return rows.map((row) => row.code);
    },

    async recordUnitStatus({ participationId, status, at }) {
      await dataSource
        .getRepository(Participation)
        .update({ id: participationId }, { status, statusChangedAt: new Date(at) });
    },

    async recordUnitsCompleted({ campaignId, unitCodes, at }) {
      if (unitCodes.length === 0) return;
      // Idempotent: a retry sets the same status and instant.
      await dataSource.query(
        `UPDATE participations p
            SET status = 'completed', status_changed_at = $3, updated_at = now()
           FROM units u
          WHERE p.unit_id = u.id AND p.campaign_id = $1 AND u.code = ANY($2)`,
        [campaignId, unitCodes, new Date(at)],
      );
    },
  };
}
