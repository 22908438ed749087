/**
 * Issues an API token (shown once, stored hashed):
 *   npm run token -- --role secretariat --name "Tổ thư ký - Nguyễn Văn A"
 *   npm run token -- --role unit --unit SNV --name "Sở Nội vụ - đầu mối CCHC"
 *   npm run token -- --role appraiser --agency STP --name "Sở Tư pháp"
 *   npm run token -- --role secretariat --name "Tích hợp" --expires 2027-12-31
 * --expires: the last day it works (until 23:59:59 Asia/Ho_Chi_Minh); without it, it never expires.
 * Roles: admin, secretariat, appraiser (of one agency), unit (of one unit), council.
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { endOfLocalDay, issueToken, IssueTokenError } from '../src/api/auth/issue-token.js';
import { loadConfig } from '../src/config.js';
import { createDataSource, migrate } from '../src/db/data-source.js';
import type { Role } from '../src/entities/index.js';

const { values } = parseArgs({
  options: {
    role: { type: 'string' },
    name: { type: 'string' },
    unit: { type: 'string' },
    agency: { type: 'string' },
    expires: { type: 'string' },
  },
});
if (!values.role || !values.name) {
  console.error(
    'usage: npm run token -- --role <role> --name "<holder>" [--unit CODE] [--agency CODE] [--expires YYYY-MM-DD]',
  );
  process.exit(2);
}

let expiresAt: Date | null = null;
if (values.expires) {
  try {
    expiresAt = endOfLocalDay(values.expires);
  } catch (err) {
    console.error(`Cannot issue the token: ${(err as Error).message}`);
    process.exit(2);
  }
}

const dataSource = createDataSource(loadConfig().databaseUrl);
await dataSource.initialize();
try {
  await migrate(dataSource);
  const { token, record } = await issueToken(dataSource, {
    role: values.role as Role,
    name: values.name,
    unitCode: values.unit,
    agencyCode: values.agency,
    expiresAt,
  });
  console.log(`Token for "${record.name}" (${record.role}); keep it, it is not shown again:`);
  console.log(token);
} catch (err) {
  if (err instanceof IssueTokenError) {
    console.error(`Cannot issue the token: ${err.message}`);
    process.exitCode = 2;
  } else {
    throw err;
  }
} finally {
  await dataSource.destroy();
}
