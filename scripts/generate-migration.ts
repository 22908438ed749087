/**
 * Prints the SQL that brings DATABASE_URL's schema (with every migration applied) to the
 * entities, as a starting point for a new migration in src/entities/migrations/.
 * Usage: DATABASE_URL=postgres://… npm run build && node dist/scripts/generate-migration.js
 */
import 'reflect-metadata';
import { loadConfig } from '../src/config.js';
import { createDataSource, migrate } from '../src/db/data-source.js';

const dataSource = createDataSource(loadConfig().databaseUrl);
await dataSource.initialize();
try {
  await migrate(dataSource);
  const sql = await dataSource.driver.createSchemaBuilder().log();
  if (sql.upQueries.length === 0) console.log('-- the schema matches the entities');
  for (const query of sql.upQueries) console.log(`${query.query};`);
  console.log('\n-- down:');
  for (const query of sql.downQueries.reverse()) console.log(`${query.query};`);
} finally {
  await dataSource.destroy();
}
