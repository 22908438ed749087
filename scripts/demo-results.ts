/**
 * `npm run demo:results -- <file.xlsx|file.csv>`: a results file for a newcomer to open. Creates
 * (or reuses) the campaign demo-results-2021 from the 2021 plan with its 25 units, fills it with
 * ILLUSTRATIVE scores (made up from a seeded PRNG, not Vĩnh Long's real results), computes the
 * results and writes them as `npm run results:export` does. Without a file name it writes
 * ket-qua-chi-so-cchc-2021-minh-hoa.xlsx in the current folder.
 * Reads DATABASE_URL (the embedded default of `npm run dev` otherwise) and applies pending
 * migrations first, as the other commands do.
 */
import 'reflect-metadata';
import { ExportCommandError } from '../src/api/results/export-results-command.js';
import { loadConfig } from '../src/config.js';
import { createDataSource, migrate } from '../src/db/data-source.js';
import { demoResults, ILLUSTRATIVE_LABEL } from '../src/demo/demo-results.js';

const [target] = process.argv.slice(2);
const { databaseUrl } = loadConfig();
const dataSource = createDataSource(databaseUrl);
try {
  await dataSource.initialize();
} catch (err) {
  const where = new URL(databaseUrl);
  console.error(
    `demo:results: cannot reach PostgreSQL at ${where.host}${where.pathname} (${String(err)}). ` +
      'Start it with `npm run dev` (in another terminal), or set DATABASE_URL.',
  );
  process.exit(2);
}
try {
  await migrate(dataSource);
  const outcome = await demoResults(dataSource, target);
  const units = outcome.groups.reduce((n, g) => n + g.ranks.length, 0);
  console.log(
    `demo:results: ILLUSTRATIVE DATA — the scores are made up (seeded PRNG), they are NOT Vĩnh Long's real results.`,
  );
  console.log(
    `Campaign ${outcome.campaignCode} ${outcome.created ? 'created' : 'reused'} from the 2021 plan (${outcome.campaignId}): ` +
      `${units} units scored, results computed (not published).`,
  );
  console.log(`Results written to ${outcome.file} (${outcome.bytes} bytes):`);
  for (const group of outcome.groups) {
    const ties = group.ties
      .map((t) => `tie at rank ${t.rank}: ${t.unitCodes.join(', ')}`)
      .join('; ');
    console.log(
      `  ${group.groupName}: ${group.ranks.length} units ranked, ranks ${group.ranks.join(', ')}` +
        (ties ? ` (${ties})` : ''),
    );
  }
  console.log(
    outcome.format === 'xlsx'
      ? `  one sheet per unit group; the title line under the heading names the campaign "${outcome.campaignName}".`
      : `  CSV: every group in one table, without title lines — the "${ILLUSTRATIVE_LABEL}" label is in the XLSX only.`,
  );
  console.log(
    `Through the API (npm run dev running, a secretariat token from npm run token): GET /campaigns/${outcome.campaignCode}/results/export?format=xlsx`,
  );
} catch (err) {
  if (!(err instanceof ExportCommandError)) throw err;
  console.error(`demo:results: ${err.message}`);
  process.exitCode = 2;
} finally {
  await dataSource.destroy();
}
