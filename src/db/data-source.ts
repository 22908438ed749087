import { DataSource, type DataSourceOptions } from 'typeorm';
import { ENTITIES } from '../entities/index.js';
import { MIGRATIONS } from '../entities/migrations/index.js';

/** TypeORM options for PostgreSQL. Schema changes go through migrations, never `synchronize`. */
export function dataSourceOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+; no uuid-ossp extension needed.
    uuidExtension: 'pgcrypto',
    logging: ['error', 'warn', 'migration'],
    // A PostgreSQL that does not answer (a dropped network, no refusal) fails a request within
    // this, as 503 database_unavailable, instead of holding it; also bounds the wait for a
    // pooled connection.
    connectTimeoutMS: 10_000,
  };
}

export function createDataSource(databaseUrl: string): DataSource {
  return new DataSource(dataSourceOptions(databaseUrl));
}

/** Applies pending migrations; returns the names of those applied. */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((m) => m.name);
}
