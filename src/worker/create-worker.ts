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

/** The worker that runs campaign and unit workflows and their activities. */
export async function createCampaignWorker(options: CampaignWorkerOptions): Promise<Worker> {
  const bundling = workflowBundleOptions(workflowsPath());
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    ...(options.workflowBundle
      ? { workflowBundle: options.workflowBundle }
      : {
          workflowsPath: bundling.workflowsPath,
          bundlerOptions: { preloadModules: bundling.preloadModules },
        }),
    activities: options.activities ?? {},
    ...(options.maxCachedWorkflows !== undefined && {
      maxCachedWorkflows: options.maxCachedWorkflows,
    }),
  });
}
