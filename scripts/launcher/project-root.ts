import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  // dist/ holds no package.json: from source or from any compiled copy, the first folder up
  // with one is the repository's root.
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('package.json not found above scripts/launcher');
    dir = parent;
  }
  return dir;
}

/** The repository's root, whether running from source (scripts/…) or compiled (dist/…). */
export const PROJECT_ROOT = findRoot();
