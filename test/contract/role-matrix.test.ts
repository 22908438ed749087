/**
 * The role matrix: every operation of /docs-json × every role (and no token, and an unknown
 * token) against docs/access.md. The table is checked against the code (each route's @Roles)
 * and against the running API: a forbidden caller gets 401/403, never 2xx; a results route is
 * never 2xx for a unit or an appraiser before the announcement; a unit's token never gets 2xx on
 * another unit's data. Only refused calls are made, so the campaign is never changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Account } from '../../src/entities/index.js';
import { accountWithPassword, send as sendAsBrowser, signIn } from '../support/portal-client.js';
import { type ContractWorld, startContractWorld } from './contract-world.js';
import {
  type Access,
  CALLERS,
  type Caller,
  type OperationKey,
  readAccessTable,
  routeGuards,
} from './access-table.js';

interface Operation {
  method: string;
  path: string;
  hasBody: boolean;
  query: string[];
}

let cw: ContractWorld;
let operations: Operation[];
const table = readAccessTable();

beforeAll(async () => {
  cw = await startContractWorld();
  const doc = (await (await fetch(`${cw.world.api.url}/docs-json`)).json()) as {
    paths: Record<
      string,
      Record<string, { requestBody?: unknown; parameters?: Array<{ in: string; name: string }> }>
    >;
  };
  operations = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      hasBody: op.requestBody !== undefined,
      query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
    })),
  );
});

afterAll(async () => {
  await cw?.close();
});

const keyOf = (op: Operation): OperationKey => `${op.method} ${op.path}`;

function token(caller: Caller | 'bad'): string | undefined {
  if (caller === 'anonymous') return undefined;
  if (caller === 'bad') return 'not-a-token-of-this-service';
  return cw.tokens[caller];
}

/** The operation's URL with real values; `unit` fills {unitCode} and {code}. */
function urlOf(op: Operation, unit: string, unitQuery?: string): string {
  const id = op.path.startsWith('/index-sets/')
    ? cw.indexSetId
    : op.path.startsWith('/evidence/')
      ? cw.evidenceId
      : cw.campaign.code;
  const path = op.path
    .replace('{campaignId}', cw.campaign.code)
    .replace('{id}', id)
    .replace('{unitCode}', unit)
    .replace('{code}', unit)
    .replace('{number}', '3')
    .replace('{round}', '1')
    .replace('{criterionCode}', '1.1.1');
  const query = unitQuery && op.query.includes('unitCode') ? `?unitCode=${unitQuery}` : '';
  return `${cw.world.api.url}${path}${query}`;
}

async function send(op: Operation, caller: Caller | 'bad', url: string) {
  const headers: Record<string, string> = {};
  const t = token(caller);
  if (t) headers.authorization = `Bearer ${t}`;
  let body: string | undefined;
  if (op.hasBody) {
    headers['content-type'] = 'application/json';
    body = '{}';
  }
  const res = await fetch(url, { method: op.method, headers, body });
  const text = await res.text();
  return { status: res.status, text: text.slice(0, 300) };
}

describe('docs/access.md', () => {
  it('has a row for every operation of /docs-json and no other', () => {
    expect([...table.keys()].sort()).toEqual(operations.map(keyOf).sort());
  });

  it("agrees with every route's @Roles and @Public", () => {
    const guards = routeGuards(cw.world.api.app);
    const disagreements: string[] = [];
    for (const [key, row] of table) {
      const guard = guards.get(key);
      if (!guard) {
        disagreements.push(`${key}: no such route in the controllers`);
        continue;
      }
      if ((row.anonymous !== 'forbidden') !== guard.public) {
        disagreements.push(
          `${key}: anonymous is ${row.anonymous}, the route public=${guard.public}`,
        );
      }
      for (const caller of CALLERS) {
        if (caller === 'anonymous' || !guard.roles) continue;
        const byCode = guard.roles.includes(caller);
        if (!byCode && row[caller] !== 'forbidden') {
          disagreements.push(`${key}: ${caller} is ${row[caller]}, @Roles leaves it out`);
        }
      }
    }
    expect(disagreements).toEqual([]);
  });
});

describe('the running API against docs/access.md', () => {
  it('answers 401 or 403 (never 2xx) to every caller the table forbids, and 401 to a bad token', async () => {
    const wrong: string[] = [];
    let calls = 0;
    for (const op of operations) {
      const row = table.get(keyOf(op))!;
      const callers: Array<Caller | 'bad'> = [
        ...CALLERS.filter((c) => row[c] === 'forbidden'),
        ...(row.anonymous === 'forbidden' ? (['bad'] as const) : []),
      ];
      for (const caller of callers) {
        // A unit's token on its own unit: the role, not the ownership, must refuse it.
        const res = await send(op, caller, urlOf(op, cw.units.mine));
        calls += 1;
        const expected = caller === 'anonymous' || caller === 'bad' ? [401] : [403];
        if (!expected.includes(res.status)) {
          wrong.push(`${keyOf(op)} as ${caller}: ${res.status} ${res.text}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(calls).toBeGreaterThan(150);
  });

  it('gives results to a unit or an appraiser only once they are announced', async () => {
    const wrong: string[] = [];
    const published: Access[] = ['published', 'own·published'];
    for (const op of operations) {
      const row = table.get(keyOf(op))!;
      for (const caller of CALLERS.filter((c) => published.includes(row[c]))) {
        const res = await send(op, caller, urlOf(op, cw.units.mine));
        if (res.status < 300) wrong.push(`${keyOf(op)} as ${caller}: ${res.status} ${res.text}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("never gives a unit's token another unit's data", async () => {
    const wrong: string[] = [];
    let calls = 0;
    for (const op of operations) {
      const row = table.get(keyOf(op))!;
      if (row.unit === 'forbidden') continue;
      const onOther = /\{unitCode\}|\{code\}/.test(op.path);
      const filtersOther = op.query.includes('unitCode');
      const otherEvidence = op.path.startsWith('/evidence/');
      if (!onOther && !filtersOther && !otherEvidence) continue;
      // The other unit's token on this unit's evidence file; this unit's token on the other unit.
      const caller = otherEvidence ? cw.tokens.otherUnit : cw.tokens.unit;
      const url = urlOf(op, otherEvidence ? cw.units.mine : cw.units.other, cw.units.other);
      const headers: Record<string, string> = { authorization: `Bearer ${caller}` };
      const init: RequestInit = { method: op.method, headers };
      if (op.hasBody) {
        headers['content-type'] = 'application/json';
        init.body = '{}';
      }
      const res = await fetch(url, init);
      calls += 1;
      const text = (await res.text()).slice(0, 300);
      if (res.status < 300) {
        wrong.push(`${keyOf(op)}: ${res.status} ${text}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(calls).toBeGreaterThanOrEqual(15);
  });

  it("refuses a disabled (locked) account's session with 401 on every route that needs a role", async () => {
    const db = cw.world.api.dataSource;
    const password = 'mật-khẩu-kiểm-thử-ma-trận';
    // Locked through PATCH /accounts/{id} (its sessions are ended with it), and locked in the
    // database alone (its session still there: the guard's check of the account must refuse it).
    const [viaRoute, inDatabase] = [
      await accountWithPassword(db, 'secretariat', password),
      await accountWithPassword(db, 'admin', password),
    ];
    const cookies = {
      viaRoute: await signIn(cw.world.api, viaRoute.email, password),
      inDatabase: await signIn(cw.world.api, inDatabase.email, password),
    };
    const locked = await sendAsBrowser(cw.world.api, 'PATCH', `/accounts/${viaRoute.id}`, {
      token: cw.tokens.admin,
      body: { disabled: true },
    });
    expect(locked.status).toBe(200);
    await db.getRepository(Account).update({ id: inDatabase.id }, { disabledAt: new Date() });
    const wrong: string[] = [];
    let calls = 0;
    try {
      for (const op of operations) {
        if (table.get(keyOf(op))!.anonymous !== 'forbidden') continue;
        for (const [how, cookie] of Object.entries(cookies)) {
          const path = urlOf(op, cw.units.mine).slice(cw.world.api.url.length);
          const res = await sendAsBrowser(cw.world.api, op.method, path, {
            cookie,
            ...(op.hasBody && { body: {} }),
          });
          calls += 1;
          if (res.status !== 401) {
            wrong.push(`${keyOf(op)} (${how}): ${res.status} ${JSON.stringify(res.body)}`);
          }
        }
      }
    } finally {
      await db.getRepository(Account).delete([{ id: viaRoute.id }, { id: inDatabase.id }]);
    }
    expect(wrong).toEqual([]);
    expect(calls).toBeGreaterThan(100);
  });
});
