/**
 * Creates the first admin account (or makes an account of that e-mail an enabled admin again)
 * and prints a one-time link to set its password, valid 72 hours:
 *   npm run account:admin -- thuky@snv.example.gov.vn "Nguyễn Văn A"
 * Open the link in a browser (the portal's set-password page), choose a password, sign in.
 */
import 'reflect-metadata';
import { ensureAdminAccount } from '../src/api/accounts/first-admin.js';
import { formatLocalDateTime } from '../src/domain/local-time.js';
import { loadConfig } from '../src/config.js';
import { createDataSource, migrate } from '../src/db/data-source.js';

const [email, ...nameWords] = process.argv.slice(2);
if (!email) {
  console.error('usage: npm run account:admin -- <email> ["Full name"]');
  process.exit(2);
}

const config = loadConfig();
const dataSource = createDataSource(config.databaseUrl);
await dataSource.initialize();
try {
  await migrate(dataSource);
  const admin = await ensureAdminAccount(
    dataSource,
    config.publicUrl,
    email,
    nameWords.join(' ') || undefined,
  );
  console.log(
    `${admin.created ? 'Created' : 'Exists; now an enabled admin'}: ${admin.account.fullName} <${admin.account.email}>`,
  );
  console.log(
    `Set the password with this one-time link (valid until ${formatLocalDateTime(admin.expiresAt, 'Asia/Ho_Chi_Minh')}, Vietnam time):`,
  );
  console.log(admin.link);
} catch (err) {
  if (err instanceof RangeError) {
    console.error(`Cannot create the admin: ${err.message}`);
    process.exitCode = 2;
  } else {
    throw err;
  }
} finally {
  await dataSource.destroy();
}
