/**
 * The API process (NestJS): applies pending migrations (and seeds the 2021 plan into an empty
 * database), then serves the REST API,
 * Swagger UI at /docs and /health. Stops cleanly on SIGINT/SIGTERM.
 */
import 'reflect-metadata';
import { loadConfig } from './src/config.js';
import { createApp } from './src/api/create-app.js';
import { createDataSource, migrate } from './src/db/data-source.js';
import { ensureSecretariatContacts } from './src/loaders/recipients.js';
import { seedIfEmpty } from './src/seed/seed.js';

async function main(): Promise<void> {
  const config = loadConfig();

  const dataSource = createDataSource(config.databaseUrl);
  await dataSource.initialize();
  try {
    const applied = await migrate(dataSource);
    if (applied.length > 0) console.log(`api: applied migrations ${applied.join(', ')}`);
    // SECRETARIAT_EMAILS fills the secretariat's contacts once; then they are data.
    const contacts = await dataSource.transaction((tx) =>
      ensureSecretariatContacts(tx, config.secretariatEmails),
    );
    if (contacts > 0)
      console.log(`api: added ${contacts} secretariat contact(s) from SECRETARIAT_EMAILS`);
    // A newcomer's first start gets the 2021 Vĩnh Long plan to look at.
    const seeded = await seedIfEmpty(dataSource);
    if (seeded) console.log(`api: seeded the 2021 Vĩnh Long campaign (${seeded.campaignId})`);
  } finally {
    await dataSource.destroy();
  }

  const app = await createApp(config);
  await app.listen(config.port, '0.0.0.0');
  console.log(`api: listening on http://127.0.0.1:${config.port} (docs at /docs)`);
}

main().catch((err: unknown) => {
  console.error('api: failed to start:', err);
  process.exit(1);
});
