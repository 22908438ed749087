/** Applies pending database migrations to DATABASE_URL and exits. */
import 'reflect-metadata';
import { loadConfig } from '../src/config.js';
import { createDataSource, migrate } from '../src/db/data-source.js';

const config = loadConfig();
const dataSource = createDataSource(config.databaseUrl);
await dataSource.initialize();
try {
  const applied = await migrate(dataSource);
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
} finally {
  await dataSource.destroy();
}
