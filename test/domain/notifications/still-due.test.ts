/**
 * Whether a planned reminder to an appraising agency still goes at its wave: not once its round
 * is completed, nor once the agency has entered every score the round asks of it (seen in the
 * 2025 commune campaign: both agencies reminded twice after finishing round 1, and an agency with
 * nothing to re-score reminded three times about round 2).
 */
import { describe, expect, it } from 'vitest';
import type { ForecastSend } from '../../../src/domain/notifications/forecast.js';
import { stillDue, type WaveFacts } from '../../../src/domain/notifications/still-due.js';

const facts = (overrides: Partial<WaveFacts> = {}): WaveFacts => ({
  stepKinds: new Map([
    [4, 'appraisal_round_1'],
    [7, 'appraisal_round_2'],
    [9, 'council_approval'],
  ]),
  closedSteps: new Set(),
  submitted: new Set(),
  statusOf: new Map(),
  lateIntakeStep: 4,
  ...overrides,
});

const send = (stepNumber: number, agencyCode: string | null): ForecastSend => ({
  kind: agencyCode ? 'appraisal_reminder' : 'council_reminder',
  audience: agencyCode ? 'appraisers' : 'council',
  copySecretariat: false,
  stepNumber,
  deadline: '2026-01-09T16:59:59.000Z',
  sendAt: '2026-01-06T01:00:00.000Z',
  localDate: '2026-01-06',
  localTime: '08:00',
  localDateTime: '06/01/2026 08:00',
  key: `step-${stepNumber}/appraisal_reminder/deadline-wd-3/2026-01-09T16:59:59.000Z`,
  businessKey: 'x',
  unitCode: null,
  participationId: null,
  agencyCode,
  extended: false,
});

describe('stillDue for appraising agencies', () => {
  it('reminds an agency with scores still to enter in that round', () => {
    const pending = facts({ appraisalPending: new Set(['1/SNV', '2/STP']) });
    expect(stillDue(send(4, 'SNV'), pending)).toBe(true);
    expect(stillDue(send(7, 'STP'), pending)).toBe(true);
  });

  it('does not remind an agency that has entered every score the round asks of it', () => {
    const pending = facts({ appraisalPending: new Set(['1/SNV']) });
    expect(stillDue(send(4, 'STP'), pending)).toBe(false);
    // Round 2 asks SNV for nothing (no explanation on its criteria): no reminder either.
    expect(stillDue(send(7, 'SNV'), pending)).toBe(false);
  });

  it('does not remind anyone about a completed round, and the council as before', () => {
    const closed = facts({ closedSteps: new Set([4]), appraisalPending: new Set(['1/SNV']) });
    expect(stillDue(send(4, 'SNV'), closed)).toBe(false);
    expect(stillDue(send(9, null), closed)).toBe(true);
    expect(stillDue(send(9, null), facts({ closedSteps: new Set([9]) }))).toBe(false);
  });

  it('reminds every agency when the wave does not know their progress', () => {
    expect(stillDue(send(4, 'STP'), facts())).toBe(true);
  });
});
