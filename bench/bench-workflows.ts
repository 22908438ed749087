// Entry point of the bench's workflow bundle: the service's workflows plus the bare baseline.
export * from '../src/workflows/index.js';
export * from './baseline-workflows.js';
export * from './probe-workflows.js';
