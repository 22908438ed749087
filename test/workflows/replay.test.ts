/**
 * Changed workflow code must not break running campaigns: the committed histories of real runs
 * (test/fixtures/histories/<recording>/<workflow id>.json, recorded by the 2021 plan test with
 * RECORD_HISTORIES=<recording>) must replay
 * on the current code without a determinism error. A change that would fail here needs patched().
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import { Worker } from '@temporalio/worker';
import { describe, expect, inject, it } from 'vitest';
import '../support/provided.js';

const dir = fileURLToPath(new URL('../fixtures/histories/', import.meta.url));
// One folder per recording (workflow code version); each file is named by its workflow ID.
const files = readdirSync(dir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((folder) =>
    readdirSync(`${dir}${folder.name}`)
      .filter((name) => name.endsWith('.json'))
      .map((name) => `${folder.name}/${name}`),
  );

describe('replay of committed workflow histories', () => {
  it('has histories of the campaign, a batch and units in every state', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'v1-initial/par-2021-vinhlong.json',
        'v1-initial/par-2021-vinhlong-batch-1.json',
        'v1-initial/par-2021-vinhlong-TTT.json',
        'v2-reconcile-submission/par-2021-vinhlong-SCT.json',
        'v3-lean-units-notifications/par-2021-vinhlong.json',
        'v3-lean-units-notifications/par-2021-vinhlong-batch-1.json',
        'v3-lean-units-notifications/par-2021-vinhlong-notifications.json',
        'v3-lean-units-notifications/par-2021-vinhlong-TTT.json',
        'v4-status-written-once/par-2021-vinhlong.json',
        'v4-status-written-once/par-2021-vinhlong-batch-1.json',
        'v4-status-written-once/par-2021-vinhlong-TTT.json',
        // Submitted through the API's signal: no status write, no patch marker.
        'v4-status-written-once/par-2021-vinhlong-VPUBND.json',
        // On the campaign rules: facts, conditional status writes, no late-intake timer.
        'v5-campaign-rules/par-2021-vinhlong.json',
        'v5-campaign-rules/par-2021-vinhlong-batch-1.json',
        'v5-campaign-rules/par-2021-vinhlong-notifications.json',
        'v5-campaign-rules/par-2021-vinhlong-TTT.json',
        'v5-campaign-rules/par-2021-vinhlong-SCT.json',
      ]),
    );
  });

  it.each(files)('%s replays on the current workflow code', async (file) => {
    const history = historyFromJSON(JSON.parse(readFileSync(`${dir}${file}`, 'utf8')));
    const results = [];
    for await (const result of Worker.runReplayHistories(
      { workflowBundle: { code: inject('workflowBundleCode') } },
      [{ workflowId: file.replace(/^.*\/|\.json$/g, ''), history }],
    )) {
      results.push(result);
    }
    expect(results).toHaveLength(1);
    expect(results[0]!.error).toBeUndefined();
  });
});
