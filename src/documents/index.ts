/** The documents of each step of the plan, in the layout of Nghị định 30/2020/NĐ-CP. */
export * from './administrative-layout.js';
export * from './document-inputs.js';
export * from './document-kinds.js';
export * from './council-decision.js';
export * from './guidance-notice.js';
export * from './self-assessment-report.js';
export * from './round-summary.js';
export * from './chairman-dossier.js';
export * from './commendation-proposal.js';
