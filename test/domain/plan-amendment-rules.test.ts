/**
 * What an amending decision may change after launch (src/domain/campaign-rules/amendments.ts):
 * the API refuses with these checks and the workflows apply an amendment only when they allow it.
 */
import { describe, expect, it } from 'vitest';
import {
  type AmendmentFacts,
  type StepFacts,
  nextStepNumber,
  openingMoveRefusal,
  resultsStand,
  stepAdditionRefusal,
  unitChangeRefusal,
} from '../../src/domain/campaign-rules/index.js';

const at = (stamp: string) => Date.parse(`${stamp}+07:00`);
const steps: StepFacts[] = [
  {
    number: 3,
    kind: 'self_assessment',
    actor: 'units',
    opensAt: at('2021-12-01T00:00:00'),
    deadline: at('2021-12-24T23:59:59'),
  },
  {
    number: 4,
    kind: 'appraisal_round_1',
    actor: 'appraisers',
    opensAt: at('2021-12-27T00:00:00'),
    deadline: at('2021-12-31T23:59:59'),
  },
  {
    number: 10,
    kind: 'announcement',
    actor: 'chairman',
    opensAt: at('2022-02-18T00:00:00'),
    deadline: at('2022-02-28T23:59:59'),
  },
];
const factsAt = (now: string, plan: StepFacts[] = steps): AmendmentFacts => ({
  steps: plan,
  launchedAt: at('2021-11-18T09:00:00'),
  now: at(now),
  timeZone: 'Asia/Ho_Chi_Minh',
});
const added = {
  titleVi: 'Tập huấn bổ sung',
  kind: 'other' as const,
  actor: 'units' as const,
  opensAt: at('2021-12-06T00:00:00'),
  deadline: at('2021-12-10T23:59:59'),
};

describe('amendment rules', () => {
  it('units join and leave until the announcement closes', () => {
    expect(unitChangeRefusal(factsAt('2021-12-05T09:00:00'), 'unit_joins')).toBeNull();
    const published = steps.map((s) =>
      s.kind === 'announcement'
        ? { ...s, completedAt: at('2022-02-28T15:00:00'), completedBy: 'chairman' as const }
        : s,
    );
    expect(resultsStand(factsAt('2022-03-01T09:00:00', published))).toBe(true);
    expect(
      unitChangeRefusal(factsAt('2022-03-01T09:00:00', published), 'unit_leaves'),
    ).toMatchObject({
      status: 409,
      message: expect.stringMatching(/kết quả đã được công bố/),
    });
  });

  it('a step is added at the end, of a kind the units do not act on, not in the past', () => {
    expect(nextStepNumber(steps)).toBe(11);
    expect(stepAdditionRefusal(factsAt('2021-12-05T09:00:00'), added)).toBeNull();
    expect(
      stepAdditionRefusal(factsAt('2021-12-05T09:00:00'), { ...added, kind: 'explanation' }),
    ).toMatchObject({ status: 422 });
    expect(
      stepAdditionRefusal(factsAt('2021-12-05T09:00:00'), {
        ...added,
        kind: 'announcement',
        actor: 'chairman',
      }),
    ).toMatchObject({ status: 422, message: expect.stringMatching(/bước 10/) });
    expect(stepAdditionRefusal(factsAt('2021-12-07T09:00:00'), added)).toMatchObject({
      status: 422,
      message: expect.stringMatching(/mở trong quá khứ/),
    });
    expect(
      stepAdditionRefusal(factsAt('2021-12-05T09:00:00'), { ...added, deadline: null }),
    ).toMatchObject({ status: 422, message: expect.stringMatching(/phải có hạn/) });
    expect(
      stepAdditionRefusal(factsAt('2021-12-05T09:00:00'), {
        ...added,
        actor: 'secretariat',
        deadline: null,
      }),
    ).toBeNull();
  });

  it('an opening moves while its step is pending, to after now and before its deadline', () => {
    const now = factsAt('2021-12-20T09:00:00');
    expect(openingMoveRefusal(now, 4, at('2021-12-29T00:00:00'))).toBeNull();
    expect(openingMoveRefusal(now, 3, at('2021-12-22T00:00:00'))).toMatchObject({ status: 409 });
    expect(openingMoveRefusal(now, 4, at('2021-12-19T00:00:00'))).toMatchObject({ status: 422 });
    expect(openingMoveRefusal(now, 4, at('2022-01-02T00:00:00'))).toMatchObject({
      status: 422,
      message: expect.stringMatching(/phải trước hạn của bước 4/),
    });
  });
});
