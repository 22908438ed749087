/**
 * How the worker process is started so that a 5,000-unit campaign runs with every open workflow
 * in the worker's cache (WORKER_MAX_CACHED_WORKFLOWS, default 6,000) and its memory under 1 GiB
 * (bench/README.md). package.json's start:worker, docker-compose.yml and the Dockerfile repeat
 * these; scripts/dev.ts and the bench use them from here.
 */

/** Node's old-space limit for each of the worker's V8 isolates (activity and workflow threads). */
export const WORKER_NODE_FLAGS: readonly string[] = ['--max-old-space-size=384'];

/**
 * glibc's allocator: one arena, and freed memory handed back to the system. The worker's Rust
 * core and Node threads otherwise keep an arena each, full of freed pieces: 5,000 cached units
 * measured 1.6–1.7 GiB without these, 0.9–1.0 GiB with them (bench/README.md).
 */
export const WORKER_ENV: Readonly<Record<string, string>> = {
  MALLOC_ARENA_MAX: '1',
  MALLOC_TRIM_THRESHOLD_: '131072',
  MALLOC_TOP_PAD_: '0',
};
