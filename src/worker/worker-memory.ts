/**
 * How the worker process is started so that its memory stays under 1 GiB with a 5,000-unit
 * campaign open (bench/README.md): Node's old-space limit for each of its V8 isolates (the
 * activity thread and the workflow thread), next to WORKER_MAX_CACHED_WORKFLOWS (default 1,000).
 * package.json's start:worker and docker-compose.yml repeat the flag.
 */
export const WORKER_NODE_FLAGS: readonly string[] = ['--max-old-space-size=512'];
