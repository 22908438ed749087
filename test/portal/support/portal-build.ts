/**
 * The browser tests run against the built portal (dist/portal/), as the API serves it. Built
 * here when missing or older than any file under portal/, so `npm test` and a single
 * `npx vitest run test/portal/…` both test the current sources.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const SOURCES = path.join(ROOT, 'portal');
const BUILT = path.join(ROOT, 'dist/portal/index.html');
/** The API's declarations the portal imports (page paths, the domain's words). */
const SHARED = ['src/domain/portal-pages.ts', 'src/domain/words.ts'].map((f) => path.join(ROOT, f));

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

export function ensurePortalBuilt(): void {
  const newest = Math.max(newestMtime(SOURCES), ...SHARED.map((f) => statSync(f).mtimeMs));
  if (existsSync(BUILT) && statSync(BUILT).mtimeMs >= newest) return;
  execFileSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'portal/vite.config.ts',
      '--logLevel',
      'warn',
    ],
    // vitest sets NODE_ENV=test, which would build React's and Ant Design's test variants
    // (fixed dialog ids, dev class names): the tests must see what `npm run build` serves.
    { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
  );
}
