/**
 * `npm run results:export -- <campaign code> <file.xlsx|file.csv>`: writes a campaign's stored
 * results (computed or published) to a file, as GET /campaigns/:id/results/export serves them.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DataSource } from 'typeorm';

import { type FileFormat, resultsFile } from './results-files.js';
import { findCampaign } from '../campaigns/campaign-lookup.js';

export class ExportCommandError extends Error {
  override name = 'ExportCommandError';
}

export interface ExportOutcome {
  file: string;
  format: FileFormat;
  bytes: number;
}

export async function exportResultsCommand(
  dataSource: DataSource,
  campaignCode: string | undefined,
  target: string | undefined,
): Promise<ExportOutcome> {
  if (!campaignCode || !target) {
    throw new ExportCommandError(
      'usage: npm run results:export -- <campaign code or id> <file.xlsx|file.csv>',
    );
  }
  const extension = path.extname(target).slice(1).toLowerCase();
  if (extension !== 'xlsx' && extension !== 'csv') {
    throw new ExportCommandError(`the file must end in .xlsx or .csv, got "${target}"`);
  }
  let exported;
  try {
    const campaign = await findCampaign(dataSource.manager, campaignCode);
    exported = await resultsFile(dataSource.manager, campaign, extension);
  } catch (err) {
    // The API's 404s say what is missing; here they are plain messages.
    if (err instanceof Error && 'getStatus' in err) throw new ExportCommandError(err.message);
    throw err;
  }
  const file = path.resolve(target);
  await writeFile(file, exported.buffer);
  return { file, format: extension, bytes: exported.buffer.length };
}
