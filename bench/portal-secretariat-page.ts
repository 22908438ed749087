/**
 * The secretariat's campaign page at scale (issue 14): the time from opening the page of a
 * launched campaign of N participating units to its units table on screen (first page of rows
 * and the "N đơn vị" count), in Debian's chromium against the real API, with a baseline campaign
 * of 25 units (the 2021 plan's size) measured the same way, side by side.
 *
 *   npm run bench:portal                 # N = 5000, 5 loads each
 *   npm run bench:portal -- 500 5000     # chosen sizes
 *
 * Target (printed, never asserted): the units table of 5,000 units within 2 s.
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DataSource } from 'typeorm';
import { hashPassword } from '../src/api/accounts/password-hash.js';
import { createApp } from '../src/api/create-app.js';
import { portalDirectory } from '../src/api/portal/serve-portal.js';
import { loadConfig } from '../src/config.js';
import { campaignWorkflowId } from '../src/contracts/workflow-ids.js';
import { Account, Campaign } from '../src/entities/index.js';
import { seedCampaignPlan } from '../src/seed/seed.js';
import { LAPTOP, launchChromium, openPage } from '../test/portal/support/browser.js';
import {
  envInt,
  generatedPlan,
  int,
  mark,
  runBench,
  say,
  Scope,
  startMigratedDatabase,
  within,
} from './harness.js';

const LOADS = envInt('BENCH_PAGE_LOADS', 5);
const BASELINE_UNITS = 25;
const TARGET_MS = 2000;
const EMAIL = 'thuky.bench@snv.example.gov.vn';
const PASSWORD = 'mật-khẩu-đủ-dài-bench';

const ms = (value: number) => `${int(value)} ms`;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** The project's folder (this file runs from dist/bench/bench/). */
const ROOT = path.resolve(import.meta.dirname, '../../..');

/** The portal as `npm run build:portal` builds it, built now if it is not there. */
function ensurePortal(): void {
  if (portalDirectory()) return;
  say('bench: building the portal (npm run build:portal)');
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
    {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
}

/** A launched campaign of `n` generated units (no workflow: the page reads PostgreSQL). */
async function seedLaunched(db: DataSource, n: number): Promise<string> {
  const code = `bench-page-${n}-2021`;
  const { campaignId } = await seedCampaignPlan(db, generatedPlan(n, code));
  await db.getRepository(Campaign).update(campaignId, {
    status: 'launched',
    launchedAt: new Date(),
    workflowId: campaignWorkflowId(code, 2021),
  });
  return code;
}

async function main(): Promise<number> {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  const ns = sizes.length > 0 ? sizes : [5000];
  const scope = new Scope();
  try {
    ensurePortal();
    const { url, where, db } = await startMigratedDatabase(scope);
    say(
      `bench: PostgreSQL ${where}; ${LOADS} loads per campaign, chromium at ${LAPTOP.width}×${LAPTOP.height}`,
    );
    await db.getRepository(Account).save({
      email: EMAIL,
      fullName: 'Tổ thư ký (bench)',
      role: 'secretariat',
      unitId: null,
      agencyId: null,
      passwordHash: await hashPassword(PASSWORD),
      disabledAt: null,
      lastSignInAt: null,
    });
    const codes = new Map<number, string>();
    for (const n of [BASELINE_UNITS, ...ns]) {
      if (!codes.has(n)) codes.set(n, await seedLaunched(db, n));
    }

    const app = await createApp(
      {
        ...loadConfig({}),
        databaseUrl: url,
        // Nothing here talks to Temporal: its client connects lazily.
        temporalAddress: '127.0.0.1:1',
        outboxPollMs: 0,
        rateLimitWritesPerMinute: 0,
      },
      { logger: false },
    );
    await app.listen(0, '127.0.0.1');
    scope.add('API', () => app.close());
    const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const browser = await launchChromium();
    scope.add('chromium', () => browser.close());
    const { page } = await openPage(browser, LAPTOP);
    await page.goto(`${base}/portal/dang-nhap`);
    await page.getByLabel('Địa chỉ thư điện tử').fill(EMAIL);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByText('Tổ thư ký (bench)').waitFor();

    /** Opening the page → the first row and the count of units on screen, `LOADS` times. */
    const measure = async (n: number) => {
      const code = codes.get(n)!;
      const times: number[] = [];
      const apiTimes: number[] = [];
      for (let i = 0; i < LOADS + 1; i++) {
        const started = performance.now();
        await page.goto(`${base}/portal/chien-dich/${code}`);
        await within(
          30_000,
          `units table of ${n}`,
          Promise.all([
            page.getByText(`${n.toLocaleString('vi-VN')} đơn vị`, { exact: true }).waitFor(),
            page.getByRole('row').filter({ hasText: 'U00001' }).waitFor(),
          ]),
        );
        const elapsed = performance.now() - started;
        const api = await page.evaluate(async (path) => {
          const t = performance.now();
          await (await fetch(path, { credentials: 'same-origin' })).text();
          return performance.now() - t;
        }, `/campaigns/${code}/participations`);
        // The first load warms the browser's cache of the portal's files: not counted.
        if (i > 0) {
          times.push(elapsed);
          apiTimes.push(api);
        }
      }
      return {
        page: median(times),
        min: Math.min(...times),
        max: Math.max(...times),
        api: median(apiTimes),
      };
    };

    const baseline = await measure(BASELINE_UNITS);
    let worst = 0;
    for (const n of ns) {
      const run = await measure(n);
      worst = Math.max(worst, n === 5000 ? run.page : 0);
      say(
        `N=${int(n)}  units table ${ms(run.page)} (min ${ms(run.min)}, max ${ms(run.max)}; GET …/participations ${ms(run.api)})  ` +
          `baseline N=${BASELINE_UNITS} ${ms(baseline.page)} (GET ${ms(baseline.api)})  ratio ${(run.page / baseline.page).toFixed(2)}`,
      );
    }
    say(
      `  target: 5,000 units' table < 2 s: ${ns.includes(5000) ? mark(worst < TARGET_MS) : 'n/a without N=5000'}`,
    );
    return 0;
  } finally {
    await scope.close();
  }
}

runBench(main);
