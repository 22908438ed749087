import { describe, expect, it } from 'vitest';
import {
  type ProposalLeaf,
  proposeExplanations,
  type RoundAnswer,
  type SelfAnswer,
} from '../../../src/domain/appraisal/explanation-proposals.js';
import { finalAppraisedScore } from '../../../src/domain/appraisal/final-scores.js';

const leaves: ProposalLeaf[] = [
  { code: '1.1', kind: 'regular', evidenceRequired: true },
  { code: '1.2', kind: 'regular', evidenceRequired: false },
  { code: '9', kind: 'bonus', evidenceRequired: false },
  { code: '10', kind: 'penalty', evidenceRequired: false },
];
const self = (score: number | null, evidenceCount = 1, notApplicable = false): SelfAnswer => ({
  score,
  notApplicable,
  evidenceCount,
});
const round = (score: number | null, notApplicable = false): RoundAnswer => ({
  score,
  notApplicable,
});

describe('proposeExplanations (aggregation of round 1)', () => {
  it('proposes a score below the self-score, and a penalty above it', () => {
    const outcome = proposeExplanations(
      leaves,
      new Map([
        ['1.1', self(2)],
        ['1.2', self(1.5)],
        ['9', self(1)],
        ['10', self(0)],
      ]),
      new Map([
        ['1.1', round(2)],
        ['1.2', round(1.25)],
        ['9', round(1)],
        ['10', round(0.5)],
      ]),
    );
    expect(outcome).toEqual({
      proposals: [
        {
          code: '1.2',
          grounds: ['below_self_score'],
          reason: 'Kết quả thẩm định lần 1 chưa công nhận đủ điểm đơn vị tự chấm.',
          finding: 'Điểm thẩm định lần 1 (1,25 điểm) thấp hơn điểm đơn vị tự chấm (1,5 điểm).',
        },
        {
          code: '10',
          grounds: ['below_self_score'],
          reason: 'Kết quả thẩm định lần 1 có mức điểm trừ khác với mức đơn vị tự trừ.',
          finding: 'Điểm trừ thẩm định lần 1 (0,5 điểm) cao hơn điểm đơn vị tự trừ (0 điểm).',
        },
      ],
      notAppraised: [],
    });
  });

  it('proposes missing evidence whatever the scores, but not for a criterion marked not applicable', () => {
    const withoutEvidence = proposeExplanations(
      leaves.slice(0, 1),
      new Map([['1.1', self(2, 0)]]),
      new Map([['1.1', round(2)]]),
    );
    expect(withoutEvidence.proposals).toEqual([
      {
        code: '1.1',
        grounds: ['missing_evidence'],
        reason: 'Thiếu tài liệu kiểm chứng theo yêu cầu của tiêu chí.',
        finding: 'Thiếu tài liệu kiểm chứng theo yêu cầu của tiêu chí.',
      },
    ]);
    const notApplicable = proposeExplanations(
      leaves.slice(0, 1),
      new Map([['1.1', self(null, 0, true)]]),
      new Map([['1.1', round(null, true)]]),
    );
    expect(notApplicable.proposals).toEqual([]);
    // No self-assessment at all: the evidence is missing too.
    expect(
      proposeExplanations(leaves.slice(0, 1), new Map(), new Map()).proposals[0]?.grounds,
    ).toEqual(['missing_evidence']);
  });

  it('proposes a criterion the appraiser found not applicable but the unit scored, with both grounds', () => {
    const outcome = proposeExplanations(
      leaves.slice(0, 1),
      new Map([['1.1', self(2, 0)]]),
      new Map([['1.1', round(null, true)]]),
    );
    expect(outcome.proposals).toEqual([
      {
        code: '1.1',
        grounds: ['below_self_score', 'missing_evidence'],
        reason:
          'Kết quả thẩm định lần 1 chưa công nhận đủ điểm đơn vị tự chấm; thiếu tài liệu kiểm chứng theo yêu cầu của tiêu chí.',
        finding:
          'Thẩm định lần 1 xác định tiêu chí không áp dụng đối với đơn vị, trong khi đơn vị tự chấm 2 điểm; thiếu tài liệu kiểm chứng theo yêu cầu của tiêu chí.',
      },
    ]);
  });

  it('words the reason the unit reads without any appraised score', () => {
    const outcome = proposeExplanations(
      leaves,
      new Map([
        ['1.1', self(2, 0)],
        ['1.2', self(1.5)],
        ['10', self(0)],
      ]),
      new Map([
        ['1.1', round(null, true)],
        ['1.2', round(1.25)],
        ['10', round(0.5)],
      ]),
    );
    expect(outcome.proposals).toHaveLength(3);
    for (const proposal of outcome.proposals) {
      expect(proposal.reason).not.toMatch(/\d+(,\d+)? điểm|không áp dụng/);
    }
  });

  it('compares in hundredths (no binary fractions) and lists what round 1 has not scored', () => {
    const outcome = proposeExplanations(
      leaves.slice(1, 3),
      new Map([['1.2', self(0.3)]]),
      new Map([['1.2', round(0.1 + 0.2)]]),
    );
    expect(outcome).toEqual({ proposals: [], notAppraised: ['9'] });
  });
});

describe('finalAppraisedScore', () => {
  it('takes the council, else round 2, else round 1', () => {
    expect(finalAppraisedScore(undefined, undefined)).toBeUndefined();
    expect(finalAppraisedScore(round(1), undefined)).toBe(1);
    expect(finalAppraisedScore(round(1), round(null, true))).toBe('not_applicable');
    expect(finalAppraisedScore(round(1), round(2), round(1.5))).toBe(1.5);
  });
});
