import { type NativeConnection, Worker, type WorkflowBundle } from '@temporalio/worker';
import { workflowBundleOptions } from './workflow-bundle-options.js';
import { workflowsPath } from './workflows-path.js';

export interface CampaignWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  /** Activity implementations, with their dependencies already bound. */
  activities?: Record<string, (...args: never[]) => Promise<unknown>>;
  /** A pre-built bundle (tests build it once per run); otherwise the worker bundles at start. */
  workflowBundle?: WorkflowBundle;
  /** Workflows kept in memory between tasks (config.workerMaxCachedWorkflows). */
  maxCachedWorkflows?: number;
}

/** Worker options that bundle the workflows at start, as every bundle of the service is built. */
function bundledFromSource() {
  const { workflowsPath: path, preloadModules } = workflowBundleOptions(workflowsPath());
  return { workflowsPath: path, bundlerOptions: { preloadModules } };
}

/** The worker that runs campaign and unit workflows and their activities. */
export async function createCampaignWorker(options: CampaignWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    ...(options.workflowBundle ? { workflowBundle: options.workflowBundle } : bundledFromSource()),
    activities: options.activities ?? {},
    ...(options.maxCachedWorkflows !== undefined && {
      maxCachedWorkflows: options.maxCachedWorkflows,
    }),
  });
}
