import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Path of the workflows entry point for Temporal's bundler: the compiled .js under dist/, or the
 * .ts source when running from source (tests, tsx).
 */
export function workflowsPath(): string {
  const compiled = fileURLToPath(new URL('../workflows/index.js', import.meta.url));
  return existsSync(compiled) ? compiled : compiled.replace(/\.js$/, '.ts');
}
