/**
 * The OpenAPI document is the contract: Schemathesis generates requests for every operation of
 * /docs-json (valid and invalid ones, with the real campaign, units, index set and evidence file
 * most of the time) and checks every answer: no server error, a documented status code, a
 * documented content type, a body that matches the documented schema. Once with an admin token,
 * once with a unit's. Nothing is excluded: the launch is fuzzed against a launched campaign (409),
 * and the workflows run on a time-skipping server of their own on today's clock.
 *
 * Bounded: SCHEMATHESIS_MAX_EXAMPLES per operation (default 10, to keep `npm test` short;
 * `npm run test:deep` runs 100), a fixed seed (SCHEMATHESIS_SEED, default 1). The JUnit reports,
 * configuration and output are kept in SCHEMATHESIS_REPORT_DIR (default: a new directory under the
 * system's tmp), printed at the end.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ContractWorld, startContractWorld } from './contract-world.js';
import { CHECKS, runSchemathesis, type SchemathesisResult } from './schemathesis-run.js';

const MAX_EXAMPLES = Number(process.env.SCHEMATHESIS_MAX_EXAMPLES ?? 10);
const SEED = Number(process.env.SCHEMATHESIS_SEED ?? 1);

let cw: ContractWorld;
let reportDir: string;

beforeAll(async () => {
  cw = await startContractWorld();
  // Kept with the test output (git-ignored test-results/), one folder per seed and size.
  reportDir = path.resolve(
    process.env.SCHEMATHESIS_REPORT_DIR ??
      `test-results/schemathesis/seed-${SEED}-examples-${MAX_EXAMPLES}`,
  );
  mkdirSync(reportDir, { recursive: true });
});

afterAll(async () => {
  await cw?.close();
  if (reportDir) console.log(`Schemathesis reports: ${reportDir}`);
});

/**
 * Schemathesis's SUMMARY section (operations, phases, checks passed and failed), without its
 * pytest-style "==== 4 warnings in 90s ====" footer: CI reads such a line as a pytest run that
 * executed no test, whatever the plain closing line after it says.
 */
function summaryOf(output: string): string {
  const at = output.lastIndexOf('SUMMARY');
  const summary = at < 0 ? output.slice(-1500) : output.slice(at);
  return summary
    .split('\n')
    .filter((line) => !/^=+ .* =+$/.test(line.trim()))
    .join('\n')
    .replace(/^SUMMARY =+/, 'SUMMARY');
}

/** The real values the fuzzer mixes with generated ones. */
function dictionaries(): Record<string, ReadonlyArray<string | number>> {
  const { campaign, units } = cw;
  return {
    'path.campaignId': [campaign.code, campaign.id],
    'path.id': [campaign.code, campaign.id, cw.indexSetId, cw.evidenceId],
    'path.unitCode': [units.mine, units.other, units.district],
    'path.code': [units.mine, units.other],
    'path.number': [3, 4, 5, 9, 10],
    'path.round': [1, 2],
    'path.criterionCode': ['1.1', '1.1.1', '2.1.1'],
    'query.unitCode': [units.mine],
  };
}

/** "GET /units: status_code_conformance: …" per failure, for the assertion message. */
function describeFailures(result: SchemathesisResult): string {
  return result.failures
    .map((f) => `${f.operation}\n${f.messages.map((m) => `    ${m}`).join('\n')}`)
    .join('\n');
}

describe('the OpenAPI document', () => {
  it('gives every operation a success answer and every error answer the error body', async () => {
    const doc = (await (await fetch(`${cw.world.api.url}/docs-json`)).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, { content?: unknown }> }>>;
    };
    const problems: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const statuses = Object.keys(op.responses);
        if (!statuses.some((s) => s.startsWith('2'))) problems.push(`${method} ${path}: no 2xx`);
        for (const status of statuses.filter((s) => Number(s) >= 400)) {
          const ref = JSON.stringify(op.responses[status]!.content ?? null);
          // The health report is its own body (docs: ownBodies in create-app.ts).
          const ownBody = ['get /health 503', 'get /health/ready 503'];
          if (!ref.includes('ApiErrorBody') && !ownBody.includes(`${method} ${path} ${status}`)) {
            problems.push(`${method} ${path} ${status}: no ApiErrorBody`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe.each([
  ['admin', () => cw.tokens.admin],
  ['unit', () => cw.tokens.unit],
])('Schemathesis with the %s token', (label, token) => {
  it(`every operation answers as /docs-json documents (${CHECKS.join(', ')})`, async () => {
    const result = await runSchemathesis({
      url: cw.world.api.url,
      token: token(),
      dir: reportDir,
      label,
      maxExamples: MAX_EXAMPLES,
      seed: SEED,
      dictionaries: dictionaries(),
    });
    // The run's own summary, in the test output (the whole report is in reportDir).
    console.log(`Schemathesis, ${label} token:\n${summaryOf(result.output)}`);
    expect(result.operations, result.output.slice(-3000)).toBeGreaterThanOrEqual(61);
    expect(result.failures, describeFailures(result)).toEqual([]);
    expect(result.exitCode, result.output.slice(-3000)).toBe(0);
  }, 600_000);
});
