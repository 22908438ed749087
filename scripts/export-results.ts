/**
 * Writes a campaign's results (as computed or published) to an XLSX or CSV file:
 *   npm run results:export -- vinhlong-2021 ket-qua-2021.xlsx
 *   npm run results:export -- vinhlong-2021 ket-qua-2021.csv
 * Reads DATABASE_URL (the embedded default of `npm run dev` otherwise).
 */
import 'reflect-metadata';
import {
  ExportCommandError,
  exportResultsCommand,
} from '../src/api/results/export-results-command.js';
import { loadConfig } from '../src/config.js';
import { createDataSource, migrate } from '../src/db/data-source.js';

const [campaignCode, target] = process.argv.slice(2);
const dataSource = createDataSource(loadConfig().databaseUrl);
await dataSource.initialize();
try {
  // As the other commands do: a database the API has not started on yet gets its schema.
  await migrate(dataSource);
  const outcome = await exportResultsCommand(dataSource, campaignCode, target);
  console.log(`Results of ${campaignCode} written to ${outcome.file} (${outcome.bytes} bytes).`);
} catch (err) {
  if (!(err instanceof ExportCommandError)) throw err;
  console.error(`Cannot export the results: ${err.message}`);
  process.exitCode = 2;
} finally {
  await dataSource.destroy();
}
