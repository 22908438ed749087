import path from 'node:path';
import { fileURLToPath } from 'node:url';

const twoUp = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** The repository's root, whether running from source (scripts/…) or compiled (dist/scripts/…). */
export const PROJECT_ROOT = path.basename(twoUp) === 'dist' ? path.dirname(twoUp) : twoUp;
