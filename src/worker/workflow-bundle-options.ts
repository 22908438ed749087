/**
 * How every workflow bundle of the service is built (the worker, the tests, the bench).
 *
 * The workflow modules are preloaded: evaluated once when the worker's V8 context starts and
 * shared by all workflows, instead of evaluated again for every workflow the worker creates or
 * replays (5,000 unit workflows do that thousands of times: bench/README.md). Safe because no
 * workflow module keeps per-workflow state at module level: they define signals, queries,
 * activity proxies and constants, and local-time.ts caches Intl formatters by time zone.
 */
export function workflowBundleOptions(workflowsPath: string): {
  workflowsPath: string;
  preloadModules: string[];
} {
  return { workflowsPath, preloadModules: [workflowsPath] };
}
