import 'reflect-metadata';
import { QueryFailedError, type DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataSource } from '../../src/db/data-source.js';
import { Unit } from '../../src/entities/index.js';
import { inject } from 'vitest';
import '../support/provided.js';

describe('units table on a real PostgreSQL', () => {
  let db: DataSource;

  beforeAll(async () => {
    db = createDataSource(inject('databaseUrl'));
    await db.initialize();
  });

  afterAll(async () => {
    await db.getRepository(Unit).delete({ code: 'TEST-SNV' });
    await db.destroy();
  });

  it('has every migration applied and nothing pending', async () => {
    expect(await db.showMigrations()).toBe(false);
  });

  it('has the schema the entities declare: the migrations leave nothing for TypeORM to change', async () => {
    const pending = await db.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('stores a unit and reads it back with its Vietnamese name intact', async () => {
    const units = db.getRepository(Unit);
    const saved = await units.save(
      units.create({
        code: 'TEST-SNV',
        name: 'Sở Nội vụ tỉnh Vĩnh Long',
        group: 'department',
        focalEmail: 'cchc@snv.example.vn',
        headEmail: null,
      }),
    );
    expect(saved.id).toMatch(/^[0-9a-f-]{36}$/);

    const loaded = await units.findOneByOrFail({ code: 'TEST-SNV' });
    expect(loaded).toMatchObject({
      id: saved.id,
      name: 'Sở Nội vụ tỉnh Vĩnh Long',
      group: 'department',
      focalEmail: 'cchc@snv.example.vn',
      headEmail: null,
    });
    expect(loaded.createdAt).toBeInstanceOf(Date);
  });

  it('refuses a second unit with the same code', async () => {
    const units = db.getRepository(Unit);
    await expect(
      units.insert({ code: 'TEST-SNV', name: 'Trùng mã', group: 'department' }),
    ).rejects.toBeInstanceOf(QueryFailedError);
  });
});
