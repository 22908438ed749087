/**
 * Runs the Schemathesis CLI (pinned in test/contract/requirements.txt, installed into .tools/venv
 * by scripts/setup-tools.sh) against the running API's /docs-json, and reads its JUnit report.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const SCHEMATHESIS = path.resolve('.tools/venv/bin/st');

/** The checks this project holds the API to (names as Schemathesis 4.32 spells them). */
export const CHECKS = [
  'not_a_server_error',
  'status_code_conformance',
  'content_type_conformance',
  'response_schema_conformance',
] as const;

export interface SchemathesisRun {
  /** Base URL of the API, e.g. http://127.0.0.1:41234 */
  url: string;
  token: string;
  /** Where the config, the reports and the output go. */
  dir: string;
  /** Report file names get this prefix ("admin", "unit"). */
  label: string;
  maxExamples: number;
  seed: number;
  /** Values the fuzzer uses for a parameter most of the time ("path.campaignId" → values). */
  dictionaries: Record<string, ReadonlyArray<string | number>>;
  /** Fraction of cases that take a dictionary value rather than a generated one. */
  probability?: number;
}

export interface OperationFailure {
  operation: string;
  /** The failed checks' titles and messages, as the report gives them. */
  messages: string[];
}

export interface SchemathesisResult {
  exitCode: number;
  output: string;
  junitPath: string;
  operations: number;
  failures: OperationFailure[];
}

/** A TOML string literal (JSON's escaping is valid TOML basic-string escaping). */
const toml = (value: string | number) => JSON.stringify(value);

/** schemathesis.toml: each bound parameter takes a real value with `probability`. */
export function configToml(run: SchemathesisRun): string {
  const lines: string[] = [];
  const names = Object.keys(run.dictionaries);
  names.forEach((key, i) => {
    lines.push(`[dictionaries.d${i}]`, `values = [${run.dictionaries[key]!.map(toml).join(', ')}]`);
  });
  lines.push('[parameters]');
  names.forEach((key, i) => {
    lines.push(`${toml(key)} = { dictionary = "d${i}", probability = ${run.probability ?? 0.7} }`);
  });
  return `${lines.join('\n')}\n`;
}

const decode = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');

/**
 * "ST103 Undocumented status code · Received: 409 · curl …" from a failure's text: the check,
 * what was received and how to reproduce it (the full text stays in the report).
 */
function summarise(text: string, fallback: string): string {
  const keep = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /^- [A-Z]+\d+ |^Received:|^curl /.test(line))
    .map((line) => line.replace(/^- /, ''));
  return keep.length > 0 ? keep.join(' · ') : fallback;
}

/** Test cases and their failures/errors, from Schemathesis' JUnit XML. */
export function parseJunit(xml: string): { operations: number; failures: OperationFailure[] } {
  const failures: OperationFailure[] = [];
  let operations = 0;
  for (const match of xml.matchAll(/<testcase\b([^>]*?)(\/>|>([\s\S]*?)<\/testcase>)/g)) {
    operations += 1;
    const name = /\bname="([^"]*)"/.exec(match[1]!)?.[1] ?? '?';
    const body = match[3] ?? '';
    const messages = [...body.matchAll(/<(failure|error)\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1>)/g)]
      .map((m) =>
        summarise(decode(m[3] ?? ''), decode(/\bmessage="([^"]*)"/.exec(m[2]!)?.[1] ?? m[1]!)),
      )
      .filter((m) => m.trim() !== '');
    if (messages.length > 0) failures.push({ operation: decode(name), messages });
  }
  return { operations, failures };
}

export async function runSchemathesis(run: SchemathesisRun): Promise<SchemathesisResult> {
  if (!existsSync(SCHEMATHESIS)) {
    throw new Error(`${SCHEMATHESIS} is missing: run \`sh scripts/setup-tools.sh\` first.`);
  }
  const configPath = path.join(run.dir, `${run.label}.schemathesis.toml`);
  writeFileSync(configPath, configToml(run));
  const junitPath = path.join(run.dir, `${run.label}.junit.xml`);
  const args = [
    '--config-file',
    configPath,
    'run',
    `${run.url}/docs-json`,
    '--url',
    run.url,
    '--checks',
    CHECKS.join(','),
    // Stateful testing needs OpenAPI links, which the document has none of.
    '--phases',
    'examples,coverage,fuzzing',
    '--max-examples',
    String(run.maxExamples),
    '--seed',
    String(run.seed),
    '--header',
    `Authorization: Bearer ${run.token}`,
    '--workers',
    '2',
    '--request-timeout',
    '20',
    '--suppress-health-check',
    'all',
    '--no-color',
    '--report',
    'junit',
    '--report-dir',
    run.dir,
    '--report-junit-path',
    junitPath,
  ];
  const { exitCode, output } = await new Promise<{ exitCode: number; output: string }>(
    (resolve, reject) => {
      // In the report folder: Schemathesis keeps its cache (.schemathesis/) in its working folder.
      const child = spawn(SCHEMATHESIS, args, {
        cwd: run.dir,
        env: { ...process.env, NO_COLOR: '1' },
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ exitCode: code ?? -1, output }));
    },
  );
  writeFileSync(path.join(run.dir, `${run.label}.output.txt`), output);
  if (!existsSync(junitPath)) {
    throw new Error(`Schemathesis wrote no report (exit ${exitCode}):\n${output.slice(-4000)}`);
  }
  return { exitCode, output, junitPath, ...parseJunit(readFileSync(junitPath, 'utf8')) };
}
