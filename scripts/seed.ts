/**
 * Seeds the Vĩnh Long 2021 campaign (steps, units, appraising agencies, illustrative index sets,
 * participations) into DATABASE_URL, after applying pending migrations. Safe to run again: an
 * existing campaign is left as it is.
 */
import 'reflect-metadata';
import { loadConfig } from '../src/config.js';
import { createDataSource, migrate } from '../src/db/data-source.js';
import { seedVinhLong2021 } from '../src/seed/seed.js';
import { VINH_LONG_2021 } from '../src/seed/vinh-long-2021.js';

const config = loadConfig();
const dataSource = createDataSource(config.databaseUrl);
await dataSource.initialize();
try {
  const applied = await migrate(dataSource);
  const migrations = applied.length ? `applied ${applied.join(', ')}` : 'database up to date';
  const { created, campaignId } = await seedVinhLong2021(dataSource);
  const { campaign, steps, units, agencies, indexSets } = VINH_LONG_2021;
  console.log(
    created
      ? `${migrations}; created campaign ${campaign.code} (${campaignId}): ${steps.length} steps, ` +
          `${units.length} units registered, ${agencies.length} appraising agencies, ` +
          `${indexSets.length} illustrative index sets`
      : `${migrations}; campaign ${campaign.code} already exists (${campaignId}), nothing changed`,
  );
} finally {
  await dataSource.destroy();
}
