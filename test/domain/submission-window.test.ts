import { describe, expect, it } from 'vitest';
import { endOfLocalDay, startOfLocalDay } from '../../src/domain/plan-dates.js';
import { decideSubmission, effectiveDeadline } from '../../src/domain/submission-window.js';

const TZ = 'Asia/Ho_Chi_Minh';
// Step 3 of the 2021 plan: 01–24/12/2021.
const opensAt = startOfLocalDay('2021-12-01', TZ);
const deadline = endOfLocalDay('2021-12-24', TZ);
const at = (iso: string) => new Date(iso);

describe('decideSubmission', () => {
  it('accepts on time inside the window', () => {
    expect(
      decideSubmission({
        now: at('2021-12-20T03:00:00Z'),
        opensAt,
        deadline,
        latePolicy: 'refuse',
      }),
    ).toEqual({ accepted: true, late: false, deadline, extended: false });
  });

  it('is on time at the deadline itself and late one millisecond after', () => {
    expect(
      decideSubmission({ now: deadline, opensAt, deadline, latePolicy: 'refuse' }),
    ).toMatchObject({ accepted: true, late: false });
    const after = new Date(deadline.getTime() + 1);
    expect(decideSubmission({ now: after, opensAt, deadline, latePolicy: 'refuse' })).toEqual({
      accepted: false,
      reason: 'late',
      deadline,
      extended: false,
    });
    expect(decideSubmission({ now: after, opensAt, deadline, latePolicy: 'accept' })).toEqual({
      accepted: true,
      late: true,
      deadline,
      extended: false,
    });
  });

  it('closes at 23:59:59 local time, which is 16:59:59 UTC', () => {
    expect(deadline.toISOString()).toBe('2021-12-24T16:59:59.000Z');
    const evening = decideSubmission({
      now: at('2021-12-24T16:30:00Z'), // 23:30 in Vĩnh Long
      opensAt,
      deadline,
      latePolicy: 'refuse',
    });
    expect(evening).toMatchObject({ accepted: true, late: false });
  });

  it('refuses before the step opens, whatever the late policy', () => {
    for (const latePolicy of ['accept', 'refuse'] as const) {
      expect(
        decideSubmission({ now: at('2021-11-30T16:59:59Z'), opensAt, deadline, latePolicy }),
      ).toEqual({ accepted: false, reason: 'not_open', opensAt });
    }
    // 00:00 local on 01/12 is 17:00 UTC on 30/11: open.
    expect(
      decideSubmission({
        now: at('2021-11-30T17:00:00Z'),
        opensAt,
        deadline,
        latePolicy: 'refuse',
      }),
    ).toMatchObject({ accepted: true, late: false });
  });

  it("moves the deadline to the unit's extension when it is later", () => {
    const extendedDeadline = endOfLocalDay('2021-12-31', TZ);
    const now = at('2021-12-28T02:00:00Z');
    expect(
      decideSubmission({ now, opensAt, deadline, extendedDeadline, latePolicy: 'refuse' }),
    ).toEqual({ accepted: true, late: false, deadline: extendedDeadline, extended: true });
    const afterExtension = at('2022-01-01T00:00:00Z');
    expect(
      decideSubmission({
        now: afterExtension,
        opensAt,
        deadline,
        extendedDeadline,
        latePolicy: 'refuse',
      }),
    ).toEqual({ accepted: false, reason: 'late', deadline: extendedDeadline, extended: true });
    expect(
      decideSubmission({
        now: afterExtension,
        opensAt,
        deadline,
        extendedDeadline,
        latePolicy: 'accept',
      }),
    ).toMatchObject({ accepted: true, late: true, extended: true });
  });

  it('never shortens the deadline with an earlier extension', () => {
    const earlier = endOfLocalDay('2021-12-20', TZ);
    expect(effectiveDeadline(deadline, earlier)).toEqual({ deadline, extended: false });
    expect(
      decideSubmission({
        now: at('2021-12-22T02:00:00Z'),
        opensAt,
        deadline,
        extendedDeadline: earlier,
        latePolicy: 'refuse',
      }),
    ).toMatchObject({ accepted: true, late: false, extended: false });
  });

  it('treats a step without opening as open and one without deadline as never late', () => {
    expect(
      decideSubmission({
        now: at('2030-01-01T00:00:00Z'),
        opensAt: null,
        deadline: null,
        extendedDeadline: endOfLocalDay('2021-12-31', TZ),
        latePolicy: 'refuse',
      }),
    ).toEqual({ accepted: true, late: false, deadline: null, extended: false });
  });
});
