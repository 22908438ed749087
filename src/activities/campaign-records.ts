import { In, type DataSource } from 'typeorm';
import type { UnitRef, UnitSnapshot } from '../contracts/unit.js';
import { statusesBefore } from '../domain/campaign-rules/index.js';
import type { UnitStatus } from '../domain/words.js';
import { Campaign, Participation, SelfAssessment, StepExtension } from '../entities/index.js';
import { loadSteps } from '../loaders/campaign-facts.js';
import { loadUnitSnapshot, loadUnitSnapshots } from '../loaders/unit-facts.js';

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
 * Activities that read PostgreSQL's facts for the workflows and record what they decide. Each is
 * idempotent: it sets a state rather than appending, so a retry or a replay writes the same row
 * again; a unit's status only moves forward (UNIT_STATUS_MOVES), whoever writes it.
 */
export interface CampaignRecordActivities {
  countUnits(campaignId: string): Promise<number>;
  /** A slice of the units, ordered by code; with `snapshots`, each with its facts. */
  loadUnitSlice(input: {
    campaignId: string;
    offset: number;
    limit: number;
    snapshots?: boolean;
    /** Exactly these units (they joined after launch), instead of a slice. */
    unitCodes?: string[];
  }): Promise<UnitRef[]>;
  /**
   * Kept for the histories of campaigns launched before the campaign rules: step statuses are
   * computed from the facts now, never stored, so it records nothing.
   */
  recordStep(record: StepRecord): Promise<void>;
  recordCampaign(input: {
    campaignId: string;
    status: 'launched' | 'completed';
    currentStep?: number | null;
  }): Promise<void>;
  /** Moves the unit's status forward (never back: a later status stays). */
  recordUnitStatus(input: {
    participationId: string;
    status: UnitStatus;
    at: string;
  }): Promise<void>;
  /** Moves the unit's status to `status` if it may; returns the status recorded afterwards. */
  moveUnitStatus(input: {
    participationId: string;
    status: UnitStatus;
    at: string;
  }): Promise<UnitStatus>;
  /** One unit's facts as PostgreSQL holds them now. */
  loadUnitSnapshot(input: {
    campaignId: string;
    participationId: string;
  }): Promise<UnitSnapshot | null>;
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
  const moveUnitStatus: CampaignRecordActivities['moveUnitStatus'] = async ({
    participationId,
    status,
    at,
  }) => {
    const repo = dataSource.getRepository(Participation);
    await repo.update(
      { id: participationId, status: In(statusesBefore(status)) },
      { status, statusChangedAt: new Date(at) },
    );
    return (await repo.findOneOrFail({ where: { id: participationId }, select: { status: true } }))
      .status;
  };
  const unitSnapshots = async (campaignId: string, participationIds: string[]) => {
    const campaign = await dataSource.getRepository(Campaign).findOneByOrFail({ id: campaignId });
    const steps = await loadSteps(dataSource.manager, campaignId);
    return loadUnitSnapshots(dataSource.manager, campaign, steps, participationIds);
  };
  return {
    async countUnits(campaignId) {
      return dataSource.getRepository(Participation).countBy({ campaignId });
    },

    async loadUnitSlice({ campaignId, offset, limit, snapshots, unitCodes }) {
      // Ordered by unit code so each batch always gets the same slice.
      const query = dataSource
        .getRepository(Participation)
        .createQueryBuilder('p')
        .innerJoin('p.unit', 'u')
        .select(['p.id AS id', 'u.code AS code'])
        .where('p.campaign_id = :campaignId', { campaignId })
        .orderBy('u.code', 'ASC');
      if (unitCodes) query.andWhere('u.code IN (:...unitCodes)', { unitCodes: [...unitCodes, ''] });
      else query.offset(offset).limit(limit);
      const rows = await query.getRawMany<{ id: string; code: string }>();
      if (rows.length === 0) return [];
      const extensions = await dataSource
        .getRepository(StepExtension)
        .createQueryBuilder('e')
        .where('e.participation_id IN (:...ids)', { ids: rows.map((r) => r.id) })
        .getMany();
      const facts = snapshots
        ? await unitSnapshots(
            campaignId,
            rows.map((r) => r.id),
          )
        : null;
      return rows.map((row) => {
        const own = extensions.filter((e) => e.participationId === row.id);
        const snapshot = facts?.get(row.id);
        return {
          code: row.code,
          participationId: row.id,
          ...(snapshot && { snapshot }),
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

    async recordStep() {
      // Step statuses are computed from the facts (src/domain/campaign-rules): nothing to store.
    },

    async recordCampaign({ campaignId, status }) {
      await dataSource.getRepository(Campaign).update({ id: campaignId }, { status });
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
        .andWhere('p.left_at IS NULL')
        .orderBy('u.code', 'ASC')
        .getRawMany<{ code: string }>();
      return rows.map((row) => row.code);
    },

    async recordUnitStatus(input) {
      await moveUnitStatus(input);
    },

    moveUnitStatus,

    async loadUnitSnapshot({ campaignId, participationId }) {
      const campaign = await dataSource.getRepository(Campaign).findOneBy({ id: campaignId });
      if (!campaign) return null;
      const steps = await loadSteps(dataSource.manager, campaignId);
      return loadUnitSnapshot(dataSource.manager, campaign, steps, participationId);
    },

    async recordUnitsCompleted({ campaignId, unitCodes, at }) {
      if (unitCodes.length === 0) return;
      // Idempotent: a retry sets the same status and instant (and leaves completed ones be).
      await dataSource.query(
        `UPDATE participations p
            SET status = 'completed', status_changed_at = $3, updated_at = now()
           FROM units u
          WHERE p.unit_id = u.id AND p.campaign_id = $1 AND u.code = ANY($2)
            AND p.status <> 'completed' AND p.left_at IS NULL`,
        [campaignId, unitCodes, new Date(at)],
      );
    },
  };
}
