import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Unit } from '../../src/entities/index.js';
import { call, startTestApi, type TestApi } from '../support/api.js';
import {
  auditFor,
  createUnit,
  staffTokens,
  suffix,
  type Tokens,
  unitToken,
} from '../support/api-fixtures.js';

describe('units API', () => {
  let api: TestApi;
  let tokens: Tokens;

  beforeAll(async () => {
    api = await startTestApi();
    tokens = await staffTokens(api.dataSource);
  });

  afterAll(async () => {
    await api?.close();
  });

  describe('reading', () => {
    it('lists units of a group with their contacts for staff', async () => {
      const group = `g${suffix()}`;
      const [a, b] = [
        await createUnit(api.dataSource, { group }),
        await createUnit(api.dataSource, { group }),
      ];
      const other = await createUnit(api.dataSource);
      for (const token of [tokens.admin, tokens.secretariat, tokens.appraiser, tokens.council]) {
        const res = await call(api, 'GET', `/units?group=${group}`, { token });
        expect(res.status).toBe(200);
        expect(res.body).toEqual(
          [a, b]
            .sort((x, y) => x.code.localeCompare(y.code))
            .map((u) => ({
              id: u.id,
              code: u.code,
              name: u.name,
              group,
              focalEmail: u.focalEmail,
              headEmail: u.headEmail,
              createdAt: u.createdAt.toISOString(),
              updatedAt: u.updatedAt.toISOString(),
            })),
        );
      }
      const all = await call(api, 'GET', '/units', { token: tokens.admin });
      expect(all.body.map((u: { code: string }) => u.code)).toEqual(
        expect.arrayContaining([a.code, b.code, other.code]),
      );
    });

    it("gives a unit's token codes and names only, no e-mail addresses", async () => {
      const group = `g${suffix()}`;
      const mine = await createUnit(api.dataSource, { group });
      const other = await createUnit(api.dataSource, { group });
      const res = await call(api, 'GET', `/units?group=${group}`, {
        token: await unitToken(api.dataSource, mine.code),
      });
      expect(res.status).toBe(200);
      expect(res.body).toEqual(
        [mine, other]
          .sort((x, y) => x.code.localeCompare(y.code))
          .map((u) => ({ code: u.code, name: u.name, group })),
      );
      expect(JSON.stringify(res.body)).not.toMatch(/@/);
    });

    it('lets a unit read its own details and no other unit’s', async () => {
      const mine = await createUnit(api.dataSource);
      const other = await createUnit(api.dataSource);
      const token = await unitToken(api.dataSource, mine.code);
      const own = await call(api, 'GET', `/units/${mine.code}`, { token });
      expect(own.status).toBe(200);
      expect(own.body).toMatchObject({ code: mine.code, focalEmail: mine.focalEmail });
      const denied = await call(api, 'GET', `/units/${other.code}`, { token });
      expect(denied.status).toBe(403);
      expect(denied.body.message).toBe(
        `Mã truy cập của đơn vị chỉ xem được thông tin của chính đơn vị đó, không xem được thông tin của đơn vị ${other.code}.`,
      );
      expect(JSON.stringify(denied.body)).not.toContain(other.focalEmail);
      // Whether a code exists is not told to a unit either.
      const unknownForUnit = await call(api, 'GET', `/units/NOPE-${suffix()}`, { token });
      expect(unknownForUnit.status).toBe(403);
    });

    it('answers 404 naming an unknown code, and 400 for a malformed group filter', async () => {
      const code = `NOPE-${suffix()}`;
      const res = await call(api, 'GET', `/units/${code}`, { token: tokens.admin });
      expect(res.status).toBe(404);
      expect(res.body.message).toBe(`Không có đơn vị mã «${code}».`);
      const bad = await call(api, 'GET', '/units?group=a%20b', { token: tokens.admin });
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body.message)).toMatch(/group must be 1-32 letters/);
    });
  });

  describe('writing', () => {
    it('creates a unit with an audit row, and refuses its code twice', async () => {
      const code = `X-${suffix()}`;
      const body = {
        code,
        name: 'Ủy ban nhân dân xã Thử Nghiệm',
        group: 'commune',
        focalEmail: 'cchc.thunghiem@example.vn',
      };
      const res = await call(api, 'POST', '/units', { token: tokens.secretariat, body });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ ...body, headEmail: null, id: expect.any(String) });
      expect(await auditFor(api, res.body.id)).toMatchObject([
        {
          action: 'unit.create',
          entityType: 'unit',
          actorRole: 'secretariat',
          details: { code, group: 'commune' },
        },
      ]);
      const again = await call(api, 'POST', '/units', { token: tokens.admin, body });
      expect(again.status).toBe(409);
      expect(again.body.message).toMatch(new RegExp(`Đã có đơn vị mã ${code}`));
    });

    it.each([
      [{ name: 'A', group: 'commune' }, /code must start with a letter or digit/],
      [{ code: 'có dấu', name: 'A', group: 'commune' }, /code must start with a letter or digit/],
      [{ code: 'X'.repeat(33), name: 'A', group: 'commune' }, /code must be at most 32 characters/],
      [{ code: 'OK1', group: 'commune' }, /name must be a string/],
      [{ code: 'OK1', name: 'A', group: 5 }, /group must be 1-32 letters/],
      [
        { code: 'OK1', name: 'A', group: 'x', focalEmail: 'nope' },
        /focalEmail must be an e-mail address/,
      ],
      [{ code: 'OK1', name: 'A', group: 'x', phone: '0270' }, /property phone should not exist/],
    ])('refuses %j with a 400 naming the problem, creating nothing', async (body, message) => {
      const code = (body as { code?: unknown }).code;
      const res = await call(api, 'POST', '/units', { token: tokens.admin, body });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body.message)).toMatch(message);
      if (typeof code === 'string') {
        expect(await api.dataSource.getRepository(Unit).existsBy({ code })).toBe(false);
      }
    });

    it('changes a unit, clears an address with null, and records what it was', async () => {
      const unit = await createUnit(api.dataSource);
      const res = await call(api, 'PATCH', `/units/${unit.code}`, {
        token: tokens.admin,
        body: { name: 'Tên mới', headEmail: null, group: 'district' },
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        code: unit.code,
        name: 'Tên mới',
        group: 'district',
        headEmail: null,
        focalEmail: unit.focalEmail,
      });
      expect(await auditFor(api, unit.id)).toMatchObject([
        {
          action: 'unit.update',
          details: {
            code: unit.code,
            changed: ['name', 'group', 'headEmail'],
            before: { name: unit.name, group: 'department', headEmail: unit.headEmail },
          },
        },
      ]);
    });

    it.each([
      [{ code: 'NEW' }, /property code should not exist/],
      [{ name: null }, /name must be a string/],
      [{ focalEmail: 'a@' }, /focalEmail must be an e-mail address/],
      [{}, /Yêu cầu không nêu thông tin nào cần thay đổi/],
    ])('refuses change %j with a 400, changing nothing', async (body, message) => {
      const unit = await createUnit(api.dataSource);
      const res = await call(api, 'PATCH', `/units/${unit.code}`, { token: tokens.admin, body });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body.message)).toMatch(message);
      const after = await api.dataSource.getRepository(Unit).findOneByOrFail({ id: unit.id });
      expect(after).toMatchObject({
        code: unit.code,
        name: unit.name,
        focalEmail: unit.focalEmail,
      });
    });

    it('answers 404 when changing an unknown unit', async () => {
      const code = `NOPE-${suffix()}`;
      const res = await call(api, 'PATCH', `/units/${code}`, {
        token: tokens.admin,
        body: { name: 'x' },
      });
      expect(res.status).toBe(404);
      expect(res.body.message).toBe(`Không có đơn vị mã «${code}».`);
    });
  });

  describe('agencies', () => {
    it('lists the appraising agencies to any valid token', async () => {
      const unit = await createUnit(api.dataSource);
      const res = await call(api, 'GET', '/agencies', {
        token: await unitToken(api.dataSource, unit.code),
      });
      expect(res.status).toBe(200);
      const codes = res.body.map((a: { code: string }) => a.code);
      expect(codes).toEqual(
        expect.arrayContaining(['SNV', 'VPUBND', 'STC', 'STP', 'STTTT', 'SKHCN']),
      );
      expect(codes).toEqual([...codes].sort());
      expect(res.body.find((a: { code: string }) => a.code === 'SNV')).toMatchObject({
        name: 'Sở Nội vụ',
        id: expect.any(String),
      });
    });
  });
});
