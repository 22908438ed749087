/**
 * The gates between steps: what must have happened before a step can be closed (completed), or
 * before the act that completes it. The plan orders them: the council approves computed results
 * (step 9), the Chairman announces what the council approved (step 10), and the announcement is
 * that decision. A gate the plan does not impose (fixing the round-2 scores before its
 * aggregation is closed) can be passed with a reason, which the audit log keeps. Pure.
 */
import type { StepKind } from '../words.js';

/** What a gate needs. */
export type GateCondition =
  'scores_fixed' | 'results_computed' | 'council_approved' | 'results_published';

/** The acts a gate stands before: closing the step, or the act that completes it. */
export type GatedAct = 'close' | 'council_approval' | 'chairman_decision';

export interface Gate {
  kind: StepKind;
  act: GatedAct;
  needs: GateCondition;
  /** May the secretariat pass it with a recorded reason? */
  overridable: boolean;
  /** What is missing, and how to get it, for the 4xx a caller reads (in Vietnamese). */
  missing: string;
}

/** Every gate, in the order of the plan. */
export const GATES: readonly Gate[] = [
  {
    kind: 'aggregation_round_2',
    act: 'close',
    needs: 'scores_fixed',
    overridable: true,
    missing:
      'điểm thẩm định chưa được chốt (POST /campaigns/{id}/appraisals/fix); nếu vẫn đóng bước, gửi overrideGates kèm lý do (reason)',
  },
  {
    kind: 'council_approval',
    act: 'council_approval',
    needs: 'results_computed',
    overridable: false,
    missing:
      'chưa có kết quả được tính để Hội đồng thẩm định thông qua (POST /campaigns/{id}/results/compute)',
  },
  {
    kind: 'council_approval',
    act: 'close',
    needs: 'council_approved',
    overridable: false,
    missing:
      'Hội đồng thẩm định chưa thông qua kết quả: bước này hoàn thành khi Hội đồng thông qua (POST /campaigns/{id}/council-approval)',
  },
  {
    kind: 'announcement',
    act: 'chairman_decision',
    needs: 'council_approved',
    overridable: false,
    missing:
      'Hội đồng thẩm định chưa thông qua kết quả, chưa thể công bố (POST /campaigns/{id}/council-approval)',
  },
  {
    kind: 'announcement',
    act: 'close',
    needs: 'results_published',
    overridable: false,
    missing:
      'kết quả chưa được công bố: bước này hoàn thành khi có quyết định công bố của Chủ tịch UBND tỉnh (POST /campaigns/{id}/chairman-decision)',
  },
];

/** What a campaign has done, as PostgreSQL records it. */
export interface GateFacts {
  scoresFixed: boolean;
  resultsComputed: boolean;
  councilApproved: boolean;
  resultsPublished: boolean;
  /** Whether the plan has a council step at all (no council, no council gate). */
  hasCouncilStep: boolean;
}

const met = (condition: GateCondition, facts: GateFacts): boolean => {
  switch (condition) {
    case 'scores_fixed':
      return facts.scoresFixed;
    case 'results_computed':
      return facts.resultsComputed;
    case 'council_approved':
      return facts.councilApproved || !facts.hasCouncilStep;
    case 'results_published':
      return facts.resultsPublished;
  }
};

/** The gates before `act` on a step of `kind` that the facts do not meet. */
export function closedGates(kind: StepKind | undefined, act: GatedAct, facts: GateFacts): Gate[] {
  return GATES.filter((gate) => gate.kind === kind && gate.act === act && !met(gate.needs, facts));
}
