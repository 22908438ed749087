/**
 * Everything a unit's scores are made of, read in a few queries for a whole campaign (or some of
 * its units): the latest submitted self-assessment, the appraisal rounds, the explanation
 * requests, imported survey points and the council's adjustments.
 */
import { type EntityManager, In } from 'typeorm';
import {
  AppraisalScore,
  CouncilAdjustment,
  ExplanationRequest,
  Participation,
  SelfAssessment,
  SelfAssessmentItem,
  SurveyScore,
} from '../../entities/index.js';

export interface UnitRef {
  participationId: string;
  unitId: string;
  unitCode: string;
  unitName: string;
  group: string;
}

export interface SelfScore {
  score: number | null;
  notApplicable: boolean;
  note: string | null;
  evidenceIds: string[];
  version: number;
  submittedAt: Date | null;
  submittedBy: string | null;
}

export interface Rounds {
  1?: AppraisalScore;
  2?: AppraisalScore;
}

export interface CouncilDecisions {
  /** The newest adjustment per leaf (criterion id). */
  leaves: Map<string, CouncilAdjustment>;
  /** The newest adjustment of the total. */
  total: CouncilAdjustment | null;
  /** Every adjustment, oldest first. */
  history: CouncilAdjustment[];
}

export interface UnitInputs {
  unit: UnitRef;
  /** By criterion id. */
  self: Map<string, SelfScore>;
  appraisals: Map<string, Rounds>;
  requests: Map<string, ExplanationRequest>;
  survey: Map<string, SurveyScore>;
  council: CouncilDecisions;
}

/**
 * Participating units, ordered by group then code; `unitCodes` narrows them. A unit that left the
 * campaign by an amending decision is not scored or ranked any more (its data stays readable
 * through its own routes).
 */
export async function loadUnits(
  manager: EntityManager,
  campaignId: string,
  unitCodes?: readonly string[],
): Promise<UnitRef[]> {
  const query = manager
    .createQueryBuilder(Participation, 'p')
    .innerJoinAndSelect('p.unit', 'u')
    .where('p.campaign_id = :campaignId', { campaignId })
    .andWhere('p.left_at IS NULL')
    .orderBy('u.group_code', 'ASC')
    .addOrderBy('u.code', 'ASC');
  if (unitCodes) query.andWhere('u.code IN (:...codes)', { codes: [...unitCodes, ''] });
  const rows = await query.getMany();
  return rows.map((p) => ({
    participationId: p.id,
    unitId: p.unitId,
    unitCode: p.unit!.code,
    unitName: p.unit!.name,
    group: p.unit!.group,
  }));
}

/** The inputs of each unit, in the order given. */
export async function loadScoringInputs(
  manager: EntityManager,
  units: readonly UnitRef[],
): Promise<UnitInputs[]> {
  const ids = units.map((u) => u.participationId);
  if (ids.length === 0) return [];
  const [self, appraisals, requests, survey, council] = await Promise.all([
    loadSelfScores(manager, ids),
    manager.find(AppraisalScore, { where: { participationId: In(ids) } }),
    manager.find(ExplanationRequest, { where: { participationId: In(ids) } }),
    manager.find(SurveyScore, { where: { participationId: In(ids) } }),
    manager.find(CouncilAdjustment, {
      where: { participationId: In(ids) },
      order: { adjustedAt: 'ASC', id: 'ASC' },
    }),
  ]);
  const byUnit = new Map<string, UnitInputs>(
    units.map((unit) => [
      unit.participationId,
      {
        unit,
        self: self.get(unit.participationId) ?? new Map(),
        appraisals: new Map(),
        requests: new Map(),
        survey: new Map(),
        council: { leaves: new Map(), total: null, history: [] },
      },
    ]),
  );
  for (const row of appraisals) {
    const inputs = byUnit.get(row.participationId);
    if (!inputs) continue;
    const rounds = inputs.appraisals.get(row.criterionId) ?? {};
    rounds[row.round] = row;
    inputs.appraisals.set(row.criterionId, rounds);
  }
  for (const row of requests) byUnit.get(row.participationId)?.requests.set(row.criterionId, row);
  for (const row of survey) byUnit.get(row.participationId)?.survey.set(row.criterionId, row);
  for (const row of council) {
    const decisions = byUnit.get(row.participationId)?.council;
    if (!decisions) continue;
    decisions.history.push(row);
    // Oldest first, so the last one written wins.
    if (row.criterionId) decisions.leaves.set(row.criterionId, row);
    else decisions.total = row;
  }
  return units.map((unit) => byUnit.get(unit.participationId)!);
}

/** Each unit's newest submitted self-assessment, by criterion id. */
async function loadSelfScores(
  manager: EntityManager,
  participationIds: string[],
): Promise<Map<string, Map<string, SelfScore>>> {
  const newest = await manager.query<{ id: string }[]>(
    `SELECT DISTINCT ON (participation_id) id FROM self_assessments
      WHERE status = 'submitted' AND participation_id = ANY($1)
      ORDER BY participation_id, version DESC`,
    [participationIds],
  );
  const assessments =
    newest.length > 0
      ? await manager.findBy(SelfAssessment, { id: In(newest.map((r) => r.id)) })
      : [];
  const result = new Map<string, Map<string, SelfScore>>();
  if (assessments.length === 0) return result;
  const byId = new Map(assessments.map((a) => [a.id, a]));
  const items = await manager.findBy(SelfAssessmentItem, {
    selfAssessmentId: In([...byId.keys()]),
  });
  for (const item of items) {
    const assessment = byId.get(item.selfAssessmentId)!;
    const scores = result.get(assessment.participationId) ?? new Map<string, SelfScore>();
    scores.set(item.criterionId, {
      score: item.score,
      notApplicable: item.notApplicable,
      note: item.note,
      evidenceIds: item.evidenceIds,
      version: assessment.version,
      submittedAt: assessment.submittedAt,
      submittedBy: assessment.submittedBy,
    });
    result.set(assessment.participationId, scores);
  }
  return result;
}
