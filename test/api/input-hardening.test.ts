/**
 * Issue 13, input validation: no input yields a 500, every 4xx is one ApiErrorBody whose `fields`
 * name what is wrong, and nothing is stored when a request is refused.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_ERROR_CODES } from '../../src/api/common/api-error.js';
import {
  JSON_BODY_LIMIT_BYTES,
  LARGEST_ITEM_BYTES,
  MAX_LIST_ITEMS,
} from '../../src/api/common/body-limit.js';
import { errorAnswer } from '../../src/api/common/error-body.js';
import { SelfAssessment, Unit } from '../../src/entities/index.js';
import { call, startTestApi, tokenFor, type TestApi } from '../support/api.js';
import { lastAuditId, staffTokens, type Tokens } from '../support/api-fixtures.js';
import {
  type CampaignFixture,
  createCampaignFixture,
} from '../support/self-assessment-fixtures.js';

let api: TestApi;
let tokens: Tokens;
let fx: CampaignFixture;
let tokenA: string;
let tokenB: string;
/** /campaigns/{code} of the fixture campaign. */
let campaignPath: string;
/** /campaigns/{code}/units/{unit A} */
let unitAPath: string;

beforeAll(async () => {
  api = await startTestApi();
  tokens = await staffTokens(api.dataSource);
  fx = await createCampaignFixture(api.dataSource);
  tokenA = await tokenFor(api.dataSource, {
    role: 'unit',
    unitCode: fx.unitA.code,
    name: `Đầu mối ${fx.unitA.code}`,
  });
  tokenB = await tokenFor(api.dataSource, {
    role: 'unit',
    unitCode: fx.unitB.code,
    name: `Đầu mối ${fx.unitB.code}`,
  });
  campaignPath = `/campaigns/${fx.campaign.code}`;
  unitAPath = `${campaignPath}/units/${fx.unitA.code}`;
});

afterAll(async () => {
  await api?.close();
});

interface ErrorBody {
  statusCode: number;
  code: string;
  error: string;
  message: string | string[];
  fields?: Array<{ field: string; code: string; message: string }>;
}

/** Asserts the one error shape: status, code, Vietnamese title, and the fields named. */
function expectError(
  res: { status: number; body: ErrorBody },
  status: number,
  code: string,
  fields: Array<{ field?: string; code?: string }> = [],
): void {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body).toMatchObject({ statusCode: status, code, error: expect.any(String) });
  expect(res.body.error).toBe(API_ERROR_CODES[code as keyof typeof API_ERROR_CODES]);
  for (const field of fields) {
    expect(res.body.fields).toEqual(expect.arrayContaining([expect.objectContaining(field)]));
  }
  for (const field of res.body.fields ?? []) {
    // Every field's message is for a person: Vietnamese, naming the field.
    expect(field.message).toMatch(/Trường|Tham số|Khóa|Dữ liệu/);
  }
}

/** The whole unit list, to check a refused request stored nothing. */
async function unitCodes(): Promise<string[]> {
  const units = await api.dataSource.getRepository(Unit).find({ order: { code: 'ASC' } });
  return units.map((u) => `${u.code}|${u.name}|${u.group}`);
}

describe('1. one error shape for every error', () => {
  it('names each field class-validator refuses, with a Vietnamese message', async () => {
    const before = await unitCodes();
    const res = await call(api, 'POST', '/units', {
      token: tokens.admin,
      body: { code: 'OK-CODE', group: 'department', bogus: 1, focalEmail: 'not-mail' },
    });
    expectError(res, 400, 'validation_failed', [
      { field: 'name', code: 'isString' },
      { field: 'bogus', code: 'whitelistValidation' },
      { field: 'focalEmail', code: 'isEmail' },
    ]);
    expect(res.body.message).toEqual(res.body.fields!.map((f: { message: string }) => f.message));
    expect(await unitCodes()).toEqual(before);
  });

  it('names nested fields by their path', async () => {
    const res = await call(api, 'PUT', `${unitAPath}/self-assessment/draft`, {
      token: tokenA,
      body: {
        items: [
          { criterionCode: '1.1', score: 1 },
          { criterionCode: '1.1', score: 'x' },
        ],
      },
    });
    expectError(res, 400, 'validation_failed', [{ field: 'items.1.score' }]);
  });

  it('answers malformed JSON with malformed_json', async () => {
    const res = await call(api, 'POST', '/units', { token: tokens.admin, rawBody: '{"code": ' });
    expectError(res, 400, 'malformed_json');
    expect(res.body.message).toMatch(/JSON không đúng cú pháp/);
  });

  it('keeps the message of an error a service throws and derives its code', async () => {
    const res = await call(api, 'GET', '/units/NO-SUCH-UNIT', { token: tokens.admin });
    expectError(res, 404, 'not_found');
    expect(res.body.message).toBe('Không có đơn vị mã «NO-SUCH-UNIT».');
    const noToken = await call(api, 'GET', '/units');
    expectError(noToken, 401, 'unauthorized');
    const route = await call(api, 'GET', '/no-such-route', { token: tokens.admin });
    expectError(route, 404, 'not_found');
  });

  it('answers an unknown error with a 500 internal_error that leaks nothing', () => {
    const secret = new Error('connect ECONNREFUSED 10.0.0.7:5432 password=hunter2');
    const { status, body, serverFault } = errorAnswer(secret);
    expect(status).toBe(500);
    expect(serverFault).toBe(true);
    expect(body).toMatchObject({ statusCode: 500, code: 'internal_error', error: 'Lỗi hệ thống' });
    expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|10\.0\.0\.7|hunter2|stack/);
  });
});

describe('2. NUL and lone surrogates in any string', () => {
  const NUL = 'Sở\u0000Nội vụ';
  const LONE = 'Sở Nội vụ \ud800';
  // Each route and the field whose string used to reach PostgreSQL and fail with a 500.
  const cases: Array<{
    what: string;
    method: string;
    path: () => string;
    body?: (text: string) => unknown;
    field: string;
  }> = [
    {
      what: 'POST /units name',
      method: 'POST',
      path: () => '/units',
      body: (text) => ({ code: 'NEW-UNIT-X', name: text, group: 'department' }),
      field: 'name',
    },
    {
      what: 'PATCH /units/{code} name',
      method: 'PATCH',
      path: () => `/units/${fx.unitA.code}`,
      body: (text) => ({ name: text }),
      field: 'name',
    },
    {
      what: "a draft's note",
      method: 'PUT',
      path: () => `${unitAPath}/self-assessment/draft`,
      body: (text) => ({ items: [{ criterionCode: '1.1', score: 1, note: text }] }),
      field: 'items.0.note',
    },
    {
      what: "an explanation's text",
      method: 'POST',
      path: () => `${unitAPath}/explanation`,
      body: (text) => ({ answers: [{ criterionCode: '1.1', text }] }),
      field: 'answers.0.text',
    },
    {
      what: "an extension's reason",
      method: 'POST',
      path: () => `${unitAPath}/extensions`,
      body: (text) => ({ stepNumber: 3, deadline: '2099-12-28T16:59:59Z', reason: text }),
      field: 'reason',
    },
    {
      what: "a council adjustment's reason",
      method: 'POST',
      path: () => `${campaignPath}/results/adjustments`,
      body: (text) => ({ unitCode: fx.unitA.code, points: 1, reason: text }),
      field: 'reason',
    },
    {
      what: "a campaign's name",
      method: 'PATCH',
      path: () => campaignPath,
      body: (text) => ({ name: text }),
      field: 'name',
    },
    {
      what: 'unitCodes of explanation proposals',
      method: 'POST',
      path: () => `${campaignPath}/explanation-proposals/generate`,
      body: (text) => ({ unitCodes: [fx.unitA.code, text] }),
      field: 'unitCodes.1',
    },
  ];

  for (const { what, method, path, body, field } of cases) {
    for (const [problem, text] of [
      ['nul_character', NUL],
      ['invalid_unicode', LONE],
    ] as const) {
      it(`${what}: ${problem} → 400 naming ${field}, nothing stored`, async () => {
        const [units, audit] = [await unitCodes(), await lastAuditId(api)];
        const res = await call(api, method, path(), {
          token: tokens.admin,
          body: body?.(text),
        });
        expectError(res, 400, 'validation_failed', [{ field, code: problem }]);
        expect(await unitCodes()).toEqual(units);
        expect(await lastAuditId(api)).toBe(audit);
      });
    }
  }

  it('in a path parameter: GET /units/SN%00V → 400 naming code', async () => {
    const res = await call(api, 'GET', '/units/SN%00V', { token: tokens.admin });
    expectError(res, 400, 'validation_failed', [{ field: 'code', code: 'nul_character' }]);
  });

  it('in a path parameter used by a route interceptor: an evidence upload → 400 naming unitCode', async () => {
    const form = new FormData();
    form.append('file', new Blob(['%PDF-1.4\n'], { type: 'application/pdf' }), 'x.pdf');
    const res = await fetch(`${api.url}${campaignPath}/units/SN%00V/evidence`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.admin}` },
      body: form,
    });
    expectError(
      { status: res.status, body: (await res.json()) as ErrorBody },
      400,
      'validation_failed',
      [{ field: 'unitCode', code: 'nul_character' }],
    );
  });

  it('in a query parameter: notifications?unitCode=%00 → 400 naming unitCode', async () => {
    const res = await call(api, 'GET', `${campaignPath}/notifications?unitCode=SN%00V`, {
      token: tokens.admin,
    });
    expectError(res, 400, 'validation_failed', [{ field: 'unitCode', code: 'nul_character' }]);
  });

  it('in a key of the body', async () => {
    const res = await call(api, 'PATCH', `/units/${fx.unitA.code}`, {
      token: tokens.admin,
      rawBody: '{"na\\u0000me": "x"}',
    });
    expectError(res, 400, 'validation_failed', [{ code: 'nul_character' }]);
  });

  it('lets well-formed Vietnamese text and surrogate pairs through', async () => {
    const res = await call(api, 'PATCH', `/units/${fx.outsider.code}`, {
      token: tokens.admin,
      body: { name: 'Sở Y tế 🏥 (không tham gia)' },
    });
    expect(res.status).toBe(200);
    expect(res.body.name).toBe('Sở Y tế 🏥 (không tham gia)');
  });
});

describe('3. prototype keys anywhere in a body', () => {
  const draft = () => `${unitAPath}/self-assessment/draft`;
  const cases: Array<{ key: string; rawBody: string; field: string }> = [
    {
      key: '__proto__ at the top',
      rawBody: '{"items": [], "__proto__": {"admin": true}}',
      field: '__proto__',
    },
    {
      key: 'constructor in an item',
      rawBody: '{"items": [{"criterionCode": "1.1", "constructor": {"prototype": {}}}]}',
      field: 'items.0.constructor',
    },
    {
      key: 'prototype in an item',
      rawBody: '{"items": [{"criterionCode": "1.1", "prototype": 1}]}',
      field: 'items.0.prototype',
    },
  ];
  for (const { key, rawBody, field } of cases) {
    it(`${key} → 400 naming ${field}, no draft saved`, async () => {
      const res = await call(api, 'PUT', draft(), { token: tokenA, rawBody });
      expectError(res, 400, 'validation_failed', [{ field, code: 'forbidden_key' }]);
      const drafts = await api.dataSource
        .getRepository(SelfAssessment)
        .countBy({ participationId: fx.participationA.id });
      expect(drafts).toBe(0);
    });
  }
});

describe('4. nesting depth', () => {
  /** {"<key>": [[[ … ]]]}: the body object, then `levels` arrays. */
  const nested = (key: string, levels: number) =>
    `{"${key}": ${'['.repeat(levels)}${']'.repeat(levels)}}`;

  const routes: Array<{ what: string; method: string; path: () => string; key: string }> = [
    {
      what: 'draft',
      method: 'PUT',
      path: () => `${unitAPath}/self-assessment/draft`,
      key: 'items',
    },
    {
      what: 'appraisal round',
      method: 'PUT',
      path: () => `${unitAPath}/appraisals/rounds/1`,
      key: 'items',
    },
    {
      what: 'explanation',
      method: 'POST',
      path: () => `${unitAPath}/explanation`,
      key: 'answers',
    },
  ];
  for (const { what, method, path, key } of routes) {
    it(`${what}: 2,000 levels → 400 too_deep, before validation`, async () => {
      const audit = await lastAuditId(api);
      const res = await call(api, method, path(), {
        token: tokens.admin,
        rawBody: nested(key, 2_000),
      });
      expectError(res, 400, 'validation_failed', [{ code: 'too_deep' }]);
      expect(res.body.fields![0]!.field).toMatch(new RegExp(`^${key}(\\.0)+$`));
      expect(await lastAuditId(api)).toBe(audit);
    });
  }

  it('32 levels pass the depth check, 33 do not', async () => {
    const at = (levels: number) =>
      call(api, 'PATCH', `/units/${fx.outsider.code}`, {
        token: tokens.admin,
        rawBody: nested('bogus', levels),
      });
    const ok = await at(31); // the body object and 31 arrays: 32 levels
    expectError(ok, 400, 'validation_failed', [{ field: 'bogus', code: 'whitelistValidation' }]);
    expect(ok.body.fields!.map((f: { code: string }) => f.code)).not.toContain('too_deep');
    const deep = await at(32);
    expectError(deep, 400, 'validation_failed', [{ code: 'too_deep' }]);
  });
});

describe('5. ownership before validation', () => {
  const routes: Array<{ what: string; method: string; path: () => string; key: string }> = [
    {
      what: 'draft',
      method: 'PUT',
      path: () => `${unitAPath}/self-assessment/draft`,
      key: 'items',
    },
    { what: 'explanation', method: 'POST', path: () => `${unitAPath}/explanation`, key: 'answers' },
    { what: 'evidence list', method: 'GET', path: () => `${unitAPath}/evidence`, key: '' },
  ];
  for (const { what, method, path, key } of routes) {
    it(`${what}: unit B's token on unit A's route → 403 whatever the body`, async () => {
      const audit = await lastAuditId(api);
      const res = await call(api, method, path(), {
        token: tokenB,
        ...(key && {
          rawBody: `{"${key}": ${'['.repeat(2_000)}${']'.repeat(2_000)}, "x\\u0000": 1}`,
        }),
      });
      expectError(res, 403, 'forbidden');
      expect(res.body.message).toMatch(/đơn vị khác/);
      expect(res.body.message).toMatch(
        new RegExp(`không được (xem|thay đổi) dữ liệu của đơn vị ${fx.unitA.code}\\.$`),
      );
      expect(await lastAuditId(api)).toBe(audit);
    });
  }

  it("unit A's own token with the same body gets the 400", async () => {
    const res = await call(api, 'PUT', `${unitAPath}/self-assessment/draft`, {
      token: tokenA,
      rawBody: `{"items": ${'['.repeat(2_000)}${']'.repeat(2_000)}}`,
    });
    expectError(res, 400, 'validation_failed', [{ code: 'too_deep' }]);
  });
});

describe('6. integer parameters are bounded', () => {
  const cases: Array<{
    what: string;
    method?: string;
    path: () => string;
    body?: unknown;
    field: string;
  }> = [
    {
      what: 'campaigns?year=10^20',
      path: () => '/campaigns?year=99999999999999999999',
      field: 'year',
    },
    { what: 'campaigns?year=1999', path: () => '/campaigns?year=1999', field: 'year' },
    {
      what: 'self-assessment?version=99999999999',
      path: () => `${unitAPath}/self-assessment?version=99999999999`,
      field: 'version',
    },
    {
      what: 'notifications?stepNumber=99999999999',
      path: () => `${campaignPath}/notifications?stepNumber=99999999999`,
      field: 'stepNumber',
    },
    {
      what: 'notifications?offset=99999999999',
      path: () => `${campaignPath}/notifications?offset=99999999999`,
      field: 'offset',
    },
    {
      what: 'notifications?limit=100000',
      path: () => `${campaignPath}/notifications?limit=100000`,
      field: 'limit',
    },
    {
      what: 'forecast?limit=99999999999',
      path: () => `${campaignPath}/notifications/forecast?limit=99999999999`,
      field: 'limit',
    },
    {
      what: 'steps/99999999999/deadline (path)',
      method: 'POST',
      path: () => `${campaignPath}/steps/99999999999/deadline`,
      body: { deadline: '2099-12-30T16:59:59Z' },
      field: 'number',
    },
    {
      what: "an extension's stepNumber (body)",
      method: 'POST',
      path: () => `${unitAPath}/extensions`,
      body: { stepNumber: 99999999999, deadline: '2099-12-30T16:59:59Z' },
      field: 'stepNumber',
    },
    {
      what: "a step's startsAfterStep (body)",
      method: 'PATCH',
      path: () => `${campaignPath}/steps/3`,
      body: { startsAfterStep: 99999999999 },
      field: 'startsAfterStep',
    },
  ];
  for (const { what, method = 'GET', path, body, field } of cases) {
    it(`${what} → 400 naming ${field}`, async () => {
      const audit = await lastAuditId(api);
      const res = await call(api, method, path(), { token: tokens.admin, body });
      expectError(res, 400, 'validation_failed', [{ field }]);
      expect(await lastAuditId(api)).toBe(audit);
    });
  }

  it('lets values in range through', async () => {
    expect((await call(api, 'GET', '/campaigns?year=2099', { token: tokens.admin })).status).toBe(
      200,
    );
    const log = await call(api, 'GET', `${campaignPath}/notifications?stepNumber=3&offset=0`, {
      token: tokens.admin,
    });
    expect(log.status).toBe(200);
  });
});

describe('7. date-only fields are real calendar dates', () => {
  it("the Chairman's decision dated 2021-02-30 → 400 naming date", async () => {
    const audit = await lastAuditId(api);
    const res = await call(api, 'POST', `${campaignPath}/chairman-decision`, {
      token: tokens.admin,
      body: { number: '456/QĐ-UBND', date: '2021-02-30' },
    });
    expectError(res, 400, 'validation_failed', [{ field: 'date', code: 'isLocalDate' }]);
    expect(await lastAuditId(api)).toBe(audit);
  });

  const dates: Array<{ what: string; path: () => string; body: unknown; field: string }> = [
    {
      what: 'a decision reference dated 2099-02-29',
      path: () => campaignPath,
      body: { decisionRefs: [{ number: '1/QĐ-UBND', date: '2099-02-29', title: 'Kế hoạch' }] },
      field: 'decisionRefs.0.date',
    },
    {
      what: 'a step closing on 2099-04-31',
      path: () => `${campaignPath}/steps/3`,
      body: { closesOn: '2099-04-31' },
      field: 'closesOn',
    },
    {
      what: 'a step opening on 9999-12-31',
      path: () => `${campaignPath}/steps/3`,
      body: { opensOn: '9999-12-31' },
      field: 'opensOn',
    },
  ];
  for (const { what, path, body, field } of dates) {
    it(`${what} → 400 naming ${field}`, async () => {
      const audit = await lastAuditId(api);
      const res = await call(api, 'PATCH', path(), { token: tokens.admin, body });
      expectError(res, 400, 'validation_failed', [{ field, code: 'isLocalDate' }]);
      expect(await lastAuditId(api)).toBe(audit);
    });
  }

  it('accepts a leap day that exists', async () => {
    const res = await call(api, 'PATCH', campaignPath, {
      token: tokens.admin,
      body: { decisionRefs: [{ number: '1/QĐ-UBND', date: '2096-02-29', title: 'Kế hoạch' }] },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  });
});

describe("8. deadlines within 3 years of the campaign's year", () => {
  // A campaign of 2099 whose plan lies in 2099: dates from 2096 to 2102 are near enough.
  let base: string;
  let unit8: string;
  beforeAll(async () => {
    const fx8 = await createCampaignFixture(api.dataSource, {
      opensAt: new Date('2099-12-01T00:00:00+07:00'),
      deadline: new Date('2099-12-24T23:59:59+07:00'),
    });
    base = `/campaigns/${fx8.campaign.code}`;
    unit8 = fx8.unitA.code;
  });
  const cases: Array<{
    what: string;
    method: string;
    path: () => string;
    body: unknown;
    field: string;
  }> = [
    {
      what: 'a deadline amendment to 9999-12-31',
      method: 'POST',
      path: () => `${base}/steps/3/deadline`,
      body: { deadline: '9999-12-31T16:59:59Z' },
      field: 'deadline',
    },
    {
      what: 'an extension to 9999-12-31',
      method: 'POST',
      path: () => `${base}/units/${unit8}/extensions`,
      body: { stepNumber: 3, deadline: '9999-12-31T16:59:59Z' },
      field: 'deadline',
    },
    {
      what: 'an extension to 2095 (4 years before 2099)',
      method: 'POST',
      path: () => `${base}/units/${unit8}/extensions`,
      body: { stepNumber: 3, deadline: '2095-12-31T16:59:59Z' },
      field: 'deadline',
    },
    {
      what: 'a step deadline set to 2103',
      method: 'PATCH',
      path: () => `${base}/steps/3`,
      body: { deadline: '2103-01-01T00:00:00+07:00' },
      field: 'deadline',
    },
    {
      what: 'a step closing on 2090-12-24',
      method: 'PATCH',
      path: () => `${base}/steps/3`,
      body: { closesOn: '2090-12-24' },
      field: 'closesOn',
    },
  ];
  for (const { what, method, path, body, field } of cases) {
    it(`${what} → 400 naming ${field}`, async () => {
      const audit = await lastAuditId(api);
      const res = await call(api, method, path(), { token: tokens.secretariat, body });
      expectError(res, 400, 'validation_failed', [{ field, code: 'out_of_campaign_years' }]);
      expect(res.body.message).toMatch(/2096–2102.*không cách năm 2099.*quá 3 năm/);
      expect(await lastAuditId(api)).toBe(audit);
    });
  }

  it('lets a deadline within the window reach the campaign rules (here: not launched, 409)', async () => {
    const res = await call(api, 'POST', `${base}/steps/3/deadline`, {
      token: tokens.secretariat,
      body: { deadline: '2100-01-15T16:59:59Z' },
    });
    expectError(res, 409, 'conflict');
  });
});

describe('9. the JSON body limit fits the longest lists', () => {
  it('is 10 MiB, enough for 5,000 of the largest items with a margin', () => {
    expect(JSON_BODY_LIMIT_BYTES).toBe(10 * 1024 * 1024);
    expect(JSON_BODY_LIMIT_BYTES).toBeGreaterThan(MAX_LIST_ITEMS * LARGEST_ITEM_BYTES * 1.2);
  });

  it('takes a 5,000-row unit import at maximum lengths as JSON (its rows checked, not a 413)', async () => {
    const before = await unitCodes();
    const tag = randomBytes(3).toString('hex').toUpperCase();
    // 250 characters: the longest address isEmail takes (254 at most).
    const domain = `${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.vn`;
    const units = Array.from({ length: MAX_LIST_ITEMS }, (_, i) => ({
      code: `HX-${tag}-${i}`.padEnd(32, 'X'),
      name: 'Ủ'.repeat(255),
      // The last row is wrong on purpose: the import answers 422 and stores nothing.
      group: i === MAX_LIST_ITEMS - 1 ? 'not a group!' : 'department',
      focal_email: `${'a'.repeat(64)}@${domain}`,
      head_email: `${'g'.repeat(64)}@${domain}`,
    }));
    const body = JSON.stringify({ units });
    expect(Buffer.byteLength(body)).toBeGreaterThan(5 * 1024 * 1024);
    const res = await call(api, 'POST', '/units/import', { token: tokens.admin, rawBody: body });
    expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(422);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ row: MAX_LIST_ITEMS, field: 'group' }),
    ]);
    expect(await unitCodes()).toEqual(before);
  });

  it('answers a body over the limit with 413 payload_too_large stating the limit in Vietnamese', async () => {
    const before = await unitCodes();
    const res = await call(api, 'POST', '/units', {
      token: tokens.admin,
      body: { code: 'BIG-UNIT', name: 'x'.repeat(JSON_BODY_LIMIT_BYTES), group: 'department' },
    });
    expectError(res, 413, 'payload_too_large');
    expect(res.body.message).toMatch(/vượt quá giới hạn 10 MB \(10\.485\.760 byte\)/);
    expect(await unitCodes()).toEqual(before);
  });
});
