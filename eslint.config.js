import { builtinModules } from 'node:module';
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

// Workflow code is bundled by Temporal and must stay deterministic: no Node built-ins and no
// I/O libraries (as in Temporal's samples), only @temporalio/workflow and pure modules.
const WORKFLOW_RULE =
  'Workflow code, the contracts and the domain stay deterministic and free of I/O: import types only from entities, the API, activities and the worker (see README.md, "Architecture").';

const forbiddenInWorkflows = [
  ...builtinModules.filter((m) => m !== 'assert').flatMap((m) => [m, `node:${m}`]),
  'typeorm',
  'pg',
  'nodemailer',
  'reflect-metadata',
  '@temporalio/client',
  '@temporalio/worker',
  '@temporalio/activity',
];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.data/', '.tools/', 'coverage/'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Forgetting to await an activity, a timer or a database call is a bug.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/no-deprecated': 'warn',
    },
  },
  {
    // Bundled into the workflow sandbox (workflows, and the contracts and domain they use).
    files: ['src/workflows/**/*.ts', 'src/contracts/**/*.ts', 'src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: forbiddenInWorkflows.map((name) => ({
            name,
            message: WORKFLOW_RULE,
            allowTypeImports: true,
          })),
          patterns: [
            { group: ['@nestjs/*'], message: WORKFLOW_RULE },
            {
              // Types only: the entities, the API and the activities run outside the sandbox.
              group: [
                '**/entities/**',
                '**/api/**',
                '**/activities/**',
                '**/worker/**',
                '**/db/**',
              ],
              allowTypeImports: true,
              message: WORKFLOW_RULE,
            },
          ],
        },
      ],
    },
  },
  {
    // Tests read JSON responses loosely; the assertions are the type check there.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { console: 'readonly', process: 'readonly' },
    },
  },
  prettier,
);
