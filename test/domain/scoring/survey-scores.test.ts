import { describe, expect, it } from 'vitest';
import { evaluateUnitScores, withSurveyScores } from '../../../src/domain/scoring/index.js';
import { BASE_SCORES, scores, SMALL_INDEX, tree } from './fixtures.js';

const small = tree(SMALL_INDEX);
/** BASE_SCORES without the survey leaves 2.2.1 and 2.2.2. */
const appraised = Object.fromEntries(
  Object.entries(BASE_SCORES).filter(([code]) => !code.startsWith('2.2.')),
);

describe('withSurveyScores', () => {
  it('adds imported survey points to the appraised scores; they count like any score', () => {
    const merged = withSurveyScores(
      small,
      scores(appraised),
      scores({ '2.2.1': 12.4, '2.2.2': 13.6 }),
    );
    if (!merged.ok) throw new Error('expected merged scores');
    const outcome = evaluateUnitScores(small, merged.scores);
    if (!outcome.ok) throw new Error('expected a result');
    // as in the totals example: 35.75 + 27 + 12.4 + 13.6 = 88.75
    expect(outcome.result.total.indexHundredths).toBe(8875);
  });

  it('keeps "not applicable" from the import', () => {
    const merged = withSurveyScores(
      small,
      scores(appraised),
      scores({ '2.2.1': 'not_applicable', '2.2.2': 15 }),
    );
    expect(merged.ok && merged.scores.get('2.2.1')).toBe('not_applicable');
  });

  it('refuses appraised scores for survey leaves and survey points for anything else', () => {
    const merged = withSurveyScores(
      small,
      scores({ ...appraised, '2.2.1': 12 }),
      scores({ '2.2.2': 13.6, '2.1': 27, '2.2': 26, z: 1 }),
    );
    expect(merged.ok ? [] : merged.problems).toEqual([
      {
        kind: 'survey_leaf_scored',
        criterionCode: '2.2.1',
        message:
          'Tiêu chí 2.2.1: điểm lấy từ kết quả điều tra xã hội học, không chấm điểm thẩm định.',
      },
      {
        kind: 'not_a_survey_leaf',
        criterionCode: '2.1',
        message: 'Tiêu chí 2.1: không phải tiêu chí thành phần lấy điểm từ điều tra xã hội học.',
      },
      {
        kind: 'not_a_survey_leaf',
        criterionCode: '2.2',
        message: 'Tiêu chí 2.2: không phải tiêu chí thành phần lấy điểm từ điều tra xã hội học.',
      },
      {
        kind: 'unknown_criterion',
        criterionCode: null,
        message: 'Có điểm điều tra xã hội học cho tiêu chí không thuộc bộ chỉ số (mã nút “z”).',
      },
    ]);
  });
});
