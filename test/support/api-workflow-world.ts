/**
 * The real Nest app and the real workflows on a time-skipping server of their own on today's
 * clock (the API decides with the real time; other files move the shared server's clock), and
 * the 2021 plan's steps placed around today.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { DateTime } from 'luxon';
import { type SeedStep, VINH_LONG_2021 } from '../../src/seed/vinh-long-2021.js';
import { startTestApi, type TestApi } from './api.js';
import { createTestWorker } from './temporal.js';
import { startTimeSkippingServer } from './time-skipping-server.js';
import { deleteCampaigns } from './api-fixtures.js';

const ZONE = 'Asia/Ho_Chi_Minh';

/** Today plus `days`, as a local date 'YYYY-MM-DD' in the plan's zone. */
export const day = (days: number) => DateTime.now().setZone(ZONE).plus({ days }).toISODate()!;

/** Days from today: [first day, last day] of each dated step of the 2021 plan; 11 follows 10. */
export const WINDOWS_AROUND_TODAY: Readonly<Record<number, readonly [number, number] | null>> = {
  1: [-3, 30],
  2: [-3, 30],
  3: [-1, 10],
  4: [12, 13],
  5: [14, 15],
  6: [16, 18],
  7: [19, 19],
  8: [20, 20],
  9: [21, 21],
  10: [22, 22],
  11: null,
};

/** The 2021 plan's steps with their windows moved around today. */
export function stepsAroundToday(windows = WINDOWS_AROUND_TODAY): SeedStep[] {
  return VINH_LONG_2021.steps.map((step) => {
    const window = windows[step.number];
    return { ...step, start: window ? day(window[0]) : null, end: window ? day(window[1]) : null };
  });
}

export interface ApiWorkflowWorld {
  api: TestApi;
  env: TestWorkflowEnvironment;
  /** Deletes the campaign (its self-assessments first), stops everything, removes the files. */
  close(campaign?: { id: string; code: string }): Promise<void>;
}

export async function startApiWorkflowWorld(filesPrefix?: string): Promise<ApiWorkflowWorld> {
  const server = await startTimeSkippingServer();
  const dataDir = filesPrefix ? mkdtempSync(path.join(os.tmpdir(), filesPrefix)) : undefined;
  let api: TestApi | undefined;
  let worker: Worker | undefined;
  let running: Promise<void> | undefined;
  const close = async (campaign?: { id: string; code: string }) => {
    worker?.shutdown();
    await running;
    if (api) {
      if (campaign) await deleteCampaigns(api.dataSource, [campaign.code]);
      await api.close();
    }
    await server.teardown();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    api = await startTestApi({ temporalAddress: server.env.address, ...(dataDir && { dataDir }) });
    worker = await createTestWorker(server.env, api.dataSource);
    running = worker.run();
  } catch (err) {
    await close();
    throw err;
  }
  return { api, env: server.env, close };
}
