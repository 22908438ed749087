import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureAdminAccount } from '../../src/api/accounts/first-admin.js';
import { sessionCookie } from '../../src/api/accounts/session-cookie.js';
import { ACCOUNT_DISABLED, WRONG_CREDENTIALS } from '../../src/api/accounts/sign-in.service.js';
import { Account, AuditEntry, Campaign, Notification, Session } from '../../src/entities/index.js';
import { ArrayContains } from 'typeorm';
import { freePort } from '../../scripts/launcher/ports.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { staffTokens, suffix, type Tokens } from '../support/api-fixtures.js';
import {
  accountWithPassword,
  cookieOf,
  linkToken,
  mailsTo,
  send,
  signIn,
} from '../support/portal-client.js';
import {
  createCampaignFixture,
  type CampaignFixture,
} from '../support/self-assessment-fixtures.js';

const PASSWORD = 'mật-khẩu-thử-nghiệm-1';
const PUBLIC_URL = 'http://127.0.0.1:3000';

describe('personal accounts and sign-in', () => {
  let api: TestApi;
  let tokens: Tokens;
  let fixture: CampaignFixture;
  let admin: Account;
  let adminCookie: string;

  beforeAll(async () => {
    api = await startTestApi({ publicUrl: PUBLIC_URL });
    tokens = await staffTokens(api.dataSource);
    fixture = await createCampaignFixture(api.dataSource);
    admin = await accountWithPassword(api.dataSource, 'admin', PASSWORD);
    adminCookie = await signIn(api, admin.email, PASSWORD);
  });

  afterAll(async () => {
    await api?.dataSource.getRepository(Campaign).delete({ id: fixture.campaign.id });
    await api?.close();
  });

  const selfAssessment = (unitCode: string) =>
    `/campaigns/${fixture.campaign.code}/units/${unitCode}/self-assessment`;

  it('signs in: the account, and an HttpOnly SameSite=Lax cookie on / (Secure only for https)', async () => {
    const answer = await send(api, 'POST', '/auth/sign-in', {
      body: { email: `  ${admin.email.toUpperCase()} `, password: PASSWORD },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ id: admin.id, email: admin.email, role: 'admin' });
    expect(answer.body).not.toHaveProperty('passwordHash');
    const set = answer.headers.get('set-cookie')!;
    expect(set).toMatch(/^par_session=[A-Za-z0-9_-]{43}; /);
    expect(set.split('; ').slice(1)).toEqual([
      'Path=/',
      'HttpOnly',
      'SameSite=Lax',
      'Max-Age=604800',
    ]);
    expect(sessionCookie('x', { secure: true, maxAgeSeconds: 1 })).toMatch(/; Secure$/);
    // Only the secret's SHA-256 is stored.
    const secret = cookieOf(answer).split('=')[1]!;
    const rows = await api.dataSource.getRepository(Session).findBy({ accountId: admin.id });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.secretHash !== secret && row.secretHash.length === 64)).toBe(
      true,
    );
    const stored = await api.dataSource.getRepository(Account).findOneByOrFail({ id: admin.id });
    expect(stored.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(stored.lastSignInAt).not.toBeNull();
  });

  it('answers one Vietnamese 401 for a wrong e-mail and for a wrong password', async () => {
    const wrongPassword = await send(api, 'POST', '/auth/sign-in', {
      body: { email: admin.email, password: 'không-phải-mật-khẩu' },
    });
    const unknownEmail = await send(api, 'POST', '/auth/sign-in', {
      body: { email: `khong-co.${suffix()}@example.gov.vn`, password: PASSWORD },
    });
    for (const answer of [wrongPassword, unknownEmail]) {
      expect(answer.status).toBe(401);
      expect(answer.body).toMatchObject({ code: 'unauthorized', message: WRONG_CREDENTIALS });
      expect(answer.headers.get('set-cookie')).toBeNull();
    }
  });

  it('GET /auth/me: the signed-in account, the holder of a token, 401 without either', async () => {
    const me = await send(api, 'GET', '/auth/me', { cookie: adminCookie });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ via: 'session', role: 'admin', account: { id: admin.id } });
    const byToken = await send(api, 'GET', '/auth/me', { token: tokens.secretariat });
    expect(byToken.body).toMatchObject({ via: 'token', role: 'secretariat', account: null });
    expect((await send(api, 'GET', '/auth/me')).status).toBe(401);
    const forged = await send(api, 'GET', '/auth/me', {
      cookie: 'par_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    });
    expect(forged.status).toBe(401);
    expect(forged.body.message).toMatch(/^Phiên đăng nhập đã hết hạn/);
    expect(forged.headers.get('set-cookie')).toMatch(/^par_session=; .*Max-Age=0/);
  });

  it("a unit's session acts as the unit's token: its own self-assessment, 403 on another unit's", async () => {
    const person = await accountWithPassword(api.dataSource, 'unit', PASSWORD, {
      unitId: fixture.unitA.id,
    });
    const cookie = await signIn(api, person.email, PASSWORD);
    const own = await send(api, 'GET', selfAssessment(fixture.unitA.code), { cookie });
    expect(own.status).toBe(200);
    const other = await send(api, 'GET', selfAssessment(fixture.unitB.code), { cookie });
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('forbidden');
    // The role's limits too: a unit may not list accounts.
    expect((await send(api, 'GET', '/accounts', { cookie })).status).toBe(403);
    const me = await send(api, 'GET', '/auth/me', { cookie });
    expect(me.body).toMatchObject({ role: 'unit', unitCode: fixture.unitA.code });
  });

  it('refuses cookie writes from another origin (403), not bearer writes or same-origin ones', async () => {
    const body = { fullName: 'Quản trị (đổi tên)' };
    const path = `/accounts/${admin.id}`;
    for (const headers of [
      { origin: 'https://evil.example' },
      { origin: null },
      { origin: 'null' },
      { origin: null, referer: 'https://evil.example/trang' },
    ]) {
      const answer = await send(api, 'PATCH', path, { cookie: adminCookie, body, ...headers });
      expect(answer.status, JSON.stringify(headers)).toBe(403);
      expect(answer.body.message).toMatch(/^Yêu cầu thay đổi dữ liệu không đến từ trang/);
    }
    const ok = [
      { origin: api.url }, // the request's own host
      { origin: PUBLIC_URL }, // PUBLIC_URL's origin
      { origin: null, referer: `${api.url}/portal/tai-khoan` },
    ];
    for (const headers of ok) {
      const answer = await send(api, 'PATCH', path, { cookie: adminCookie, body, ...headers });
      expect(answer.status, JSON.stringify(headers)).toBe(200);
    }
    const byToken = await send(api, 'PATCH', path, {
      token: tokens.admin,
      body,
      origin: 'https://evil.example',
    });
    expect(byToken.status).toBe(200);
    // Reads are not writes.
    const read = await send(api, 'GET', '/auth/me', {
      cookie: adminCookie,
      origin: 'https://evil.example',
    });
    expect(read.status).toBe(200);
  });

  it('signs out: the session ends and the cookie is cleared', async () => {
    const cookie = await signIn(api, admin.email, PASSWORD);
    expect((await send(api, 'GET', '/auth/me', { cookie })).status).toBe(200);
    const out = await send(api, 'POST', '/auth/sign-out', { cookie });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(
      /^par_session=; Path=\/; HttpOnly; SameSite=Lax; Max-Age=0/,
    );
    expect((await send(api, 'GET', '/auth/me', { cookie })).status).toBe(401);
    // A second sign-out does no harm.
    expect((await send(api, 'POST', '/auth/sign-out', { cookie })).status).toBe(204);
    expect((await send(api, 'GET', '/auth/me', { cookie: adminCookie })).status).toBe(200);
  });

  it('invites by e-mail: the link sets the password once, then the person signs in; all audited', async () => {
    const email = `Dau.Moi.${suffix()}@Example.gov.vn`;
    const invited = await send(api, 'POST', '/accounts', {
      cookie: adminCookie,
      body: { email, fullName: 'Trần Thị Đầu Mối', role: 'unit', unitCode: fixture.unitA.code },
    });
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({
      email: email.toLowerCase(),
      role: 'unit',
      unitCode: fixture.unitA.code,
      passwordSet: false,
      disabled: false,
    });
    const [mail] = await mailsTo(email.toLowerCase());
    expect(mail!.subject).toBe('[Chỉ số CCHC] Mời sử dụng hệ thống chấm điểm Chỉ số CCHC');
    expect(mail!.text).toContain('Kính gửi: Trần Thị Đầu Mối');
    expect(mail!.text).toContain(`Thuộc: ${fixture.unitA.name} (${fixture.unitA.code})`);
    // A new invitation cancels the first link.
    const firstToken = linkToken(mail!, PUBLIC_URL);
    const reinvited = await send(api, 'POST', `/accounts/${invited.body.id}/invitation`, {
      token: tokens.secretariat,
    });
    expect(reinvited.status).toBe(201);
    const mails = await mailsTo(email.toLowerCase(), 2);
    const token = linkToken(mails[1]!, PUBLIC_URL);
    expect(token).not.toBe(firstToken);
    // Both went through the notification log, as every mail does: sent once, with the
    // Message-ID the inbox got, in no campaign, and without the link.
    const logged = await api.dataSource.getRepository(Notification).find({
      where: { to: ArrayContains([email.toLowerCase()]) },
      order: { createdAt: 'ASC' },
    });
    expect(logged.map((n) => [n.kind, n.audience, n.status, n.campaignId])).toEqual([
      ['account_invitation', 'person', 'sent', null],
      ['account_invitation', 'person', 'sent', null],
    ]);
    expect(logged.map((n) => n.messageId)).toEqual(mails.map((m) => m.headers['message-id']));
    expect(JSON.stringify(logged)).not.toContain(token);
    const stale = await send(api, 'POST', '/auth/password', {
      body: { token: firstToken, password: PASSWORD },
    });
    expect(stale.status).toBe(400);

    // Not signed in before the password is set; the same 401 as a wrong password.
    const early = await send(api, 'POST', '/auth/sign-in', { body: { email, password: PASSWORD } });
    expect(early.body.message).toBe(WRONG_CREDENTIALS);

    const short = await send(api, 'POST', '/auth/password', { body: { token, password: 'ngắn' } });
    expect(short.status).toBe(400);
    expect(short.body.fields[0]).toMatchObject({ field: 'password', code: 'minLength' });

    const set = await send(api, 'POST', '/auth/password', { body: { token, password: PASSWORD } });
    expect(set.status).toBe(200);
    expect(set.body.email).toBe(email.toLowerCase());
    const again = await send(api, 'POST', '/auth/password', {
      body: { token, password: 'mật-khẩu-khác-nữa' },
    });
    expect(again.status).toBe(400);
    expect(again.body.fields[0]).toMatchObject({ field: 'token', code: 'invalid_link' });

    const cookie = await signIn(api, email, PASSWORD);
    const own = await send(api, 'GET', selfAssessment(fixture.unitA.code), { cookie });
    expect(own.status).toBe(200);

    const listed = await send(api, 'GET', '/accounts', { token: tokens.secretariat });
    expect(listed.status).toBe(200);
    expect(listed.body.find((a: { id: string }) => a.id === invited.body.id)).toMatchObject({
      passwordSet: true,
      lastSignInAt: expect.any(String),
    });

    const audit = await api.dataSource
      .getRepository(AuditEntry)
      .find({ where: { entityId: invited.body.id }, order: { id: 'ASC' } });
    expect(audit.map((row) => row.action)).toEqual([
      'account.invite',
      'account.reinvite',
      'account.password_set',
      'account.sign_in',
    ]);
    expect(audit[0]).toMatchObject({
      actorAccountId: admin.id,
      actorTokenId: null,
      actorRole: 'admin',
      actorName: expect.stringContaining(admin.email),
    });
    expect(audit[1]!.actorTokenId).not.toBeNull();
    expect(audit[2]!.actorAccountId).toBe(invited.body.id);
    const once = await send(api, 'POST', `/accounts/${invited.body.id}/invitation`, {
      token: tokens.admin,
    });
    expect(once.status).toBe(409);
  });

  it('answers 503 and creates nothing when the SMTP server refuses the invitation', async () => {
    const closed = await freePort(); // nothing listens there
    const offline = await startTestApi({
      publicUrl: PUBLIC_URL,
      smtpUrl: `smtp://127.0.0.1:${closed}`,
    });
    try {
      const email = `khong.gui.duoc.${suffix()}@example.gov.vn`;
      const invited = await send(offline, 'POST', '/accounts', {
        token: tokens.secretariat,
        body: { email, fullName: 'Lý Thị Chờ Thư', role: 'council' },
      });
      expect(invited.status).toBe(503);
      expect(invited.body.message).toContain('Không gửi được thư mời');
      expect(await api.dataSource.getRepository(Account).countBy({ email })).toBe(0);
      // The attempt is in the notification log, not sent.
      const [row] = await api.dataSource
        .getRepository(Notification)
        .findBy({ to: ArrayContains([email]) });
      expect(row).toMatchObject({ kind: 'account_invitation', campaignId: null });
      expect(row!.status).not.toBe('sent');
    } finally {
      await offline.close();
    }
  });

  it('refuses an invitation that breaks the rules: duplicate, missing unit, admin by the secretariat', async () => {
    const duplicate = await send(api, 'POST', '/accounts', {
      token: tokens.admin,
      body: { email: admin.email.toUpperCase(), fullName: 'Trùng', role: 'council' },
    });
    expect(duplicate.status).toBe(409);
    const noUnit = await send(api, 'POST', '/accounts', {
      token: tokens.admin,
      body: { email: `u.${suffix()}@example.gov.vn`, fullName: 'Thiếu đơn vị', role: 'unit' },
    });
    expect(noUnit.status).toBe(400);
    expect(noUnit.body.fields[0].field).toBe('unitCode');
    const adminBySecretariat = await send(api, 'POST', '/accounts', {
      token: tokens.secretariat,
      body: { email: `a.${suffix()}@example.gov.vn`, fullName: 'Quản trị mới', role: 'admin' },
    });
    expect(adminBySecretariat.status).toBe(403);
  });

  it('resets a password by e-mail: always 202, a mail only for an account; the old password stops', async () => {
    const person = await accountWithPassword(api.dataSource, 'council', PASSWORD);
    const oldCookie = await signIn(api, person.email, PASSWORD);
    const unknown = await send(api, 'POST', '/auth/password-reset', {
      body: { email: `khong-co.${suffix()}@example.gov.vn` },
    });
    const known = await send(api, 'POST', '/auth/password-reset', {
      body: { email: person.email.toUpperCase() },
    });
    expect(unknown.status).toBe(202);
    expect(known.status).toBe(202);
    expect(known.body).toEqual(unknown.body);

    const [mail] = await mailsTo(person.email);
    expect(mail!.subject).toBe('[Chỉ số CCHC] Đặt lại mật khẩu');
    const token = linkToken(mail!, PUBLIC_URL);
    const fresh = 'mật-khẩu-mới-sau-khi-đặt-lại';
    expect(
      (await send(api, 'POST', '/auth/password', { body: { token, password: fresh } })).status,
    ).toBe(200);
    // Every session of the account ended with the old password.
    expect((await send(api, 'GET', '/auth/me', { cookie: oldCookie })).status).toBe(401);
    const old = await send(api, 'POST', '/auth/sign-in', {
      body: { email: person.email, password: PASSWORD },
    });
    expect(old.status).toBe(401);
    await signIn(api, person.email, fresh);
  });

  it('disabling signs the person out at once; sign-in then says the account is disabled, only with the right password', async () => {
    const person = await accountWithPassword(api.dataSource, 'unit', PASSWORD, {
      unitId: fixture.unitB.id,
    });
    const cookie = await signIn(api, person.email, PASSWORD);
    expect((await send(api, 'GET', selfAssessment(fixture.unitB.code), { cookie })).status).toBe(
      200,
    );

    const disabled = await send(api, 'PATCH', `/accounts/${person.id}`, {
      cookie: adminCookie,
      body: { disabled: true },
    });
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({ disabled: true, disabledAt: expect.any(String) });

    const next = await send(api, 'GET', selfAssessment(fixture.unitB.code), { cookie });
    expect(next.status).toBe(401);
    expect(next.headers.get('set-cookie')).toMatch(/^par_session=; .*Max-Age=0/);

    const right = await send(api, 'POST', '/auth/sign-in', {
      body: { email: person.email, password: PASSWORD },
    });
    expect(right.status).toBe(401);
    expect(right.body.message).toBe(ACCOUNT_DISABLED);
    const wrong = await send(api, 'POST', '/auth/sign-in', {
      body: { email: person.email, password: 'sai-mật-khẩu-rồi' },
    });
    expect(wrong.body.message).toBe(WRONG_CREDENTIALS);

    const audit = await api.dataSource
      .getRepository(AuditEntry)
      .findOneByOrFail({ entityId: person.id, action: 'account.disable' });
    expect(audit).toMatchObject({ actorAccountId: admin.id });
    expect(audit.details).toMatchObject({
      changes: { disabled: [false, true] },
      sessionsRevoked: 1,
    });

    // Re-enabled, the person signs in again (the old session stays ended).
    await send(api, 'PATCH', `/accounts/${person.id}`, {
      cookie: adminCookie,
      body: { disabled: false },
    });
    await signIn(api, person.email, PASSWORD);
    expect((await send(api, 'GET', '/auth/me', { cookie })).status).toBe(401);

    const self = await send(api, 'PATCH', `/accounts/${admin.id}`, {
      cookie: adminCookie,
      body: { disabled: true },
    });
    expect(self.status).toBe(409);
  });

  it('npm run account:admin: creates an admin, or restores a disabled account as admin, with a working link', async () => {
    const email = `quantri.${suffix()}@example.gov.vn`;
    const first = await ensureAdminAccount(
      api.dataSource,
      PUBLIC_URL,
      email.toUpperCase(),
      'Quản trị đầu tiên',
    );
    expect(first).toMatchObject({ created: true, account: { email, role: 'admin' } });
    expect(first.link).toMatch(
      /^http:\/\/127\.0\.0\.1:3000\/portal\/dat-mat-khau\?token=[A-Za-z0-9_-]{43}$/,
    );
    const token = new URL(first.link).searchParams.get('token')!;
    expect(
      (await send(api, 'POST', '/auth/password', { body: { token, password: PASSWORD } })).status,
    ).toBe(200);
    const cookie = await signIn(api, email, PASSWORD);
    expect((await send(api, 'GET', '/accounts', { cookie })).status).toBe(200);

    // A disabled unit account of that e-mail becomes an enabled admin again; its password stays.
    await api.dataSource
      .getRepository(Account)
      .update(
        { id: first.account.id },
        { role: 'unit', unitId: fixture.unitA.id, disabledAt: new Date() },
      );
    const again = await ensureAdminAccount(api.dataSource, PUBLIC_URL, email);
    expect(again.created).toBe(false);
    const stored = await api.dataSource
      .getRepository(Account)
      .findOneByOrFail({ id: first.account.id });
    expect(stored).toMatchObject({
      role: 'admin',
      unitId: null,
      disabledAt: null,
      fullName: 'Quản trị đầu tiên',
    });
    await signIn(api, email, PASSWORD);
    const audit = await api.dataSource
      .getRepository(AuditEntry)
      .find({ where: { entityId: first.account.id }, order: { id: 'ASC' } });
    expect(audit.map((row) => row.action)).toContain('account.admin_restored');
  });

  it('limits failed sign-ins per e-mail: the 6th attempt in 15 minutes is 429 with Retry-After, even with the right password', async () => {
    const person = await accountWithPassword(api.dataSource, 'secretariat', PASSWORD);
    for (let i = 0; i < 5; i += 1) {
      const answer = await send(api, 'POST', '/auth/sign-in', {
        body: { email: person.email, password: `sai-${i}-mật-khẩu` },
      });
      expect(answer.status).toBe(401);
    }
    const blocked = await send(api, 'POST', '/auth/sign-in', {
      body: { email: person.email, password: PASSWORD },
    });
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('too_many_requests');
    expect(blocked.body.message).toMatch(/^Đăng nhập sai quá nhiều lần/);
    const retryAfter = Number(blocked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
  });

  // Last: it uses up this address's (127.0.0.1) budget for the rest of the file.
  it('limits failed sign-ins per IP address: at most 20 in 15 minutes, whatever the e-mails', async () => {
    let failures = 0;
    let blocked: Awaited<ReturnType<typeof send>> | null = null;
    for (let i = 0; i < 25 && !blocked; i += 1) {
      const answer = await send(api, 'POST', '/auth/sign-in', {
        body: { email: `doan.${i}.${suffix()}@example.gov.vn`, password: 'đoán-mò-mật-khẩu' },
      });
      if (answer.status === 429) blocked = answer;
      else failures += 1;
    }
    // Earlier tests of this file failed 10 times from this address already.
    expect(failures).toBe(20 - 10);
    expect(blocked?.headers.get('retry-after')).toMatch(/^\d+$/);
    const rightPassword = await send(api, 'POST', '/auth/sign-in', {
      body: { email: admin.email, password: PASSWORD },
    });
    expect(rightPassword.status).toBe(429);
  });
});
