// Entry point bundled by the Temporal worker: every workflow the worker runs is exported here.
export { campaignWorkflow } from './campaign.workflow.js';
export { unitBatchWorkflow } from './unit-batch.workflow.js';
export { unitWorkflow } from './unit.workflow.js';
export { notificationsWorkflow } from './notifications.workflow.js';
