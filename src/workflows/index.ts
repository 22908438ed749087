// Entry point bundled by the Temporal worker: every workflow the worker runs is exported here.
export { campaignWorkflow, campaignStateQuery, closeStepSignal } from './campaign.workflow.js';
