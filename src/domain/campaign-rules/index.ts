/**
 * The one authority for what a campaign accepts and where it stands: pure functions of the facts
 * PostgreSQL records (the plan as amended, the launch, every action) and an instant. The API
 * decides with them, and the workflows run their timers and answer their queries with them.
 */
export * from './deadline.js';
export * from './gates.js';
export * from './steps.js';
export * from './units.js';
export * from './amendments.js';
