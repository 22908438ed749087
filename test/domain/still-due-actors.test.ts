/**
 * Whether an escalation of an agency, the council or the secretariat, or a window-opened mail,
 * still goes when its time comes: decided from the facts at the wave (pure).
 */
import { describe, expect, it } from 'vitest';
import type { ForecastSend } from '../../src/domain/notifications/forecast.js';
import { stillDue, type WaveFacts } from '../../src/domain/notifications/still-due.js';

const STEP_KINDS = new Map<number, string | undefined>([
  [2, 'guidance'],
  [3, 'self_assessment'],
  [4, 'appraisal_round_1'],
  [6, 'explanation'],
  [9, 'council_approval'],
]);

function facts(overrides: Partial<WaveFacts> = {}): WaveFacts {
  return {
    stepKinds: STEP_KINDS,
    closedSteps: new Set(),
    submitted: new Set(),
    statusOf: new Map(),
    lateIntakeStep: 4,
    ...overrides,
  };
}

function send(fields: Partial<ForecastSend>): ForecastSend {
  return {
    kind: 'reminder',
    audience: 'unit',
    copySecretariat: false,
    stepNumber: 3,
    deadline: '2021-12-24T16:59:59.000Z',
    sendAt: '2021-12-27T01:00:00.000Z',
    localDate: '2021-12-27',
    localTime: '08:00',
    localDateTime: '27/12/2021 08:00',
    key: 'k',
    businessKey: 'b',
    unitCode: null,
    participationId: null,
    agencyCode: null,
    extended: false,
    ...fields,
  };
}

describe('stillDue for the other actors', () => {
  const late = send({
    kind: 'appraisal_escalation',
    audience: 'appraisers',
    stepNumber: 4,
    agencyCode: 'STP',
  });

  it('escalates an agency only while it has scores left and the round is not completed', () => {
    const left = (criteria: number) => new Map([[4, new Map([['STP', { units: 1, criteria }]])]]);
    expect(stillDue(late, facts({ appraisalLeft: left(3) }))).toBe(true);
    expect(stillDue(late, facts({ appraisalLeft: new Map([[4, new Map()]]) }))).toBe(false);
    expect(stillDue(late, facts({ appraisalLeft: left(3), closedSteps: new Set([4]) }))).toBe(
      false,
    );
    // A reminder goes when the wave loaded no backlog for its round.
    expect(stillDue({ ...late, kind: 'appraisal_reminder' }, facts())).toBe(true);
  });

  it('reminds an agency only while it has scores left in the round (2025 commune campaign)', () => {
    // Seen there: both agencies reminded twice after entering all of round 1, and an agency with
    // nothing to re-score (no explanation on its criteria) reminded three times about round 2.
    const reminder = { ...late, kind: 'appraisal_reminder' as const };
    const left = new Map([[4, new Map([['SNV', { units: 2, criteria: 5 }]])]]);
    expect(stillDue(reminder, facts({ appraisalLeft: left }))).toBe(false); // STP is done
    expect(stillDue({ ...reminder, agencyCode: 'SNV' }, facts({ appraisalLeft: left }))).toBe(true);
    const nothingAsked = new Map([[4, new Map<string, { units: number; criteria: number }>()]]);
    expect(stillDue(reminder, facts({ appraisalLeft: nothingAsked }))).toBe(false);
    expect(stillDue(reminder, facts({ appraisalLeft: left, closedSteps: new Set([4]) }))).toBe(
      false,
    );
  });

  it('escalates the council and the secretariat only while their step is not completed', () => {
    const council = send({ kind: 'council_escalation', audience: 'council', stepNumber: 9 });
    const own = send({
      kind: 'secretariat_escalation',
      audience: 'secretariat_head',
      stepNumber: 2,
    });
    expect(stillDue(council, facts())).toBe(true);
    expect(stillDue(council, facts({ closedSteps: new Set([9]) }))).toBe(false);
    expect(stillDue(own, facts())).toBe(true);
    expect(stillDue(own, facts({ closedSteps: new Set([2]) }))).toBe(false);
  });

  it('tells a unit its window opened unless it already submitted; the explanation window only to units asked', () => {
    const opened = send({ kind: 'window_opened', unitCode: 'SNV', participationId: 'p1' });
    expect(stillDue(opened, facts())).toBe(true);
    expect(stillDue(opened, facts({ submitted: new Set(['p1']) }))).toBe(false);
    const explain = { ...opened, stepNumber: 6 };
    expect(stillDue(explain, facts())).toBe(false);
    expect(stillDue(explain, facts({ statusOf: new Map([['p1', 'explanation_requested']]) }))).toBe(
      true,
    );
  });
});
