/**
 * Machine tokens through the API: issued (shown once, audited with who issued it), listed
 * (never the token, only its first characters), revoked (then 401); an expired token is 401;
 * only an admin issues or revokes an admin token; other roles are kept out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiToken, AuditEntry } from '../../src/entities/index.js';
import { hashToken } from '../../src/api/auth/tokens.js';
import { call, startTestApi, type TestApi } from '../support/api.js';
import {
  createUnit,
  staffTokens,
  suffix,
  type Tokens,
  unitToken,
} from '../support/api-fixtures.js';
import { accountWithPassword, send, signIn } from '../support/portal-client.js';

describe('/api-tokens', () => {
  let api: TestApi;
  let tokens: Tokens;
  let unitCode: string;
  const issuedIds: string[] = [];

  beforeAll(async () => {
    api = await startTestApi();
    tokens = await staffTokens(api.dataSource);
    unitCode = (await createUnit(api.dataSource)).code;
  });

  afterAll(async () => {
    await api?.close();
  });

  async function issue(token: string, body: Record<string, unknown>) {
    const res = await call(api, 'POST', '/api-tokens', { token, body });
    if (res.status === 201) issuedIds.push(res.body.record.id);
    return res;
  }

  it('issues a token shown once, lists it by its first characters, and audits who issued it', async () => {
    const name = `Phần mềm một cửa ${suffix()}`;
    const res = await issue(tokens.secretariat, {
      name,
      role: 'unit',
      unitCode,
      expiresOn: '2099-12-31',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const { token, record } = res.body;
    expect(token).toMatch(/^par_[A-Za-z0-9_-]{43}$/);
    expect(record).toMatchObject({
      name,
      role: 'unit',
      unitCode,
      agencyCode: null,
      hint: token.slice(0, 10),
      expiresAt: '2099-12-31T16:59:59.999Z',
      revokedAt: null,
      lastUsedAt: null,
      status: 'active',
    });
    expect(record.createdBy).toMatch(/^Tổ thư ký /);

    // The new token works (and its last use is noted); the list never carries a token.
    expect((await call(api, 'GET', `/units/${unitCode}`, { token })).status).toBe(200);
    const list = await call(api, 'GET', '/api-tokens', { token: tokens.admin });
    expect(list.status).toBe(200);
    const listed = list.body.find((t: { id: string }) => t.id === record.id);
    expect(listed).toMatchObject({ hint: token.slice(0, 10), lastUsedAt: expect.any(String) });
    expect(JSON.stringify(list.body)).not.toContain(token);
    expect(JSON.stringify(list.body)).not.toContain(hashToken(token));

    const audit = await api.dataSource
      .getRepository(AuditEntry)
      .findOneByOrFail({ entityId: record.id, action: 'api_token.issue' });
    expect(audit.actorName).toMatch(/^Tổ thư ký /);
    expect(audit.details).toMatchObject({ name, role: 'unit', unitCode, hint: token.slice(0, 10) });
    expect(JSON.stringify(audit.details)).not.toContain(token);
  });

  it('revokes a token: 401 from then on, audited; a second revocation is 409', async () => {
    const res = await issue(tokens.secretariat, { name: `Tạm thời ${suffix()}`, role: 'council' });
    const { token, record } = res.body;
    expect(record.expiresAt).toBeNull();
    expect((await call(api, 'GET', '/campaigns', { token })).status).toBe(200);

    const revoked = await call(api, 'POST', `/api-tokens/${record.id}/revoke`, {
      token: tokens.secretariat,
    });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({
      id: record.id,
      status: 'revoked',
      revokedAt: expect.any(String),
    });
    const refused = await call(api, 'GET', '/campaigns', { token });
    expect(refused.status).toBe(401);
    expect(refused.body.message).toMatch(/đã bị thu hồi/);

    const again = await call(api, 'POST', `/api-tokens/${record.id}/revoke`, {
      token: tokens.admin,
    });
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/đã bị thu hồi từ trước/);
    const audit = await api.dataSource
      .getRepository(AuditEntry)
      .findBy({ entityId: record.id, action: 'api_token.revoke' });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorName).toMatch(/^Tổ thư ký /);
  });

  it('refuses an expired token with 401 and lists it as expired', async () => {
    const res = await issue(tokens.admin, { name: `Hết hạn ${suffix()}`, role: 'secretariat' });
    const { token, record } = res.body;
    expect((await call(api, 'GET', '/campaigns', { token })).status).toBe(200);
    await api.dataSource
      .getRepository(ApiToken)
      .update({ id: record.id }, { expiresAt: new Date(Date.now() - 1000) });
    const refused = await call(api, 'GET', '/campaigns', { token });
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({
      code: 'unauthorized',
      message: expect.stringMatching(/đã hết hạn/),
    });
    const list = await call(api, 'GET', '/api-tokens', { token: tokens.admin });
    expect(list.body.find((t: { id: string }) => t.id === record.id).status).toBe('expired');
  });

  it('lets only an admin issue or revoke an admin token', async () => {
    const bySecretariat = await issue(tokens.secretariat, { name: 'Quản trị phụ', role: 'admin' });
    expect(bySecretariat.status).toBe(403);
    expect(bySecretariat.body.message).toMatch(/Chỉ quản trị hệ thống/);
    const byAdmin = await issue(tokens.admin, { name: `Quản trị phụ ${suffix()}`, role: 'admin' });
    expect(byAdmin.status).toBe(201);
    const revoke = (token: string) =>
      call(api, 'POST', `/api-tokens/${byAdmin.body.record.id}/revoke`, { token });
    expect((await revoke(tokens.secretariat)).status).toBe(403);
    expect((await revoke(tokens.admin)).status).toBe(200);
  });

  it('answers bad input with 400 or 404 in Vietnamese', async () => {
    const cases: Array<[Record<string, unknown>, number, RegExp]> = [
      [{ name: '  ', role: 'council' }, 400, /name/],
      [{ name: 'X', role: 'chủ tịch' }, 400, /role/],
      [{ name: 'X', role: 'unit' }, 400, /cần mã đơn vị/],
      [{ name: 'X', role: 'council', unitCode }, 400, /Chỉ tài khoản của đơn vị/],
      [{ name: 'X', role: 'unit', unitCode: 'KHONG-CO' }, 404, /Không có đơn vị mã/],
      [
        { name: 'X', role: 'council', expiresOn: '2020-01-01' },
        400,
        /Ngày hết hạn phải từ hôm nay/,
      ],
      [{ name: 'X', role: 'council', expiresOn: '31/12/2099' }, 400, /expiresOn/],
    ];
    for (const [body, status, message] of cases) {
      const res = await issue(tokens.secretariat, body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(JSON.stringify(res.body), JSON.stringify(body)).toMatch(message);
    }
    // null is "none", as omitted.
    const noExpiry = await issue(tokens.secretariat, {
      name: `Không hết hạn ${suffix()}`,
      role: 'council',
      unitCode: null,
      expiresOn: null,
    });
    expect(noExpiry.status, JSON.stringify(noExpiry.body)).toBe(201);
    expect(noExpiry.body.record.expiresAt).toBeNull();
    const unknown = await call(
      api,
      'POST',
      '/api-tokens/7c9e6679-7425-40de-944b-e07fc1f90ae7/revoke',
      {
        token: tokens.admin,
      },
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toMatch(/Không có mã truy cập này/);
  });

  it('keeps other roles out (403) and works with a person’s session, who is named as the issuer', async () => {
    const asUnit = await unitToken(api.dataSource, unitCode);
    for (const token of [asUnit, tokens.appraiser, tokens.council]) {
      expect((await call(api, 'GET', '/api-tokens', { token })).status).toBe(403);
      expect((await issue(token, { name: 'X', role: 'council' })).status).toBe(403);
    }
    expect((await call(api, 'GET', '/api-tokens')).status).toBe(401);

    const person = await accountWithPassword(api.dataSource, 'secretariat', 'mật-khẩu-mã-truy-cập');
    const cookie = await signIn(api, person.email, 'mật-khẩu-mã-truy-cập');
    const res = await send(api, 'POST', '/api-tokens', {
      cookie,
      body: { name: `Từ cổng ${suffix()}`, role: 'council' },
    });
    expect(res.status).toBe(201);
    expect(res.body.record.createdBy).toBe(`${person.fullName} <${person.email}>`);
    const audit = await api.dataSource
      .getRepository(AuditEntry)
      .findOneByOrFail({ entityId: res.body.record.id });
    expect(audit.actorAccountId).toBe(person.id);
  });
});
