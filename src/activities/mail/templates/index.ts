export * from './campaign-mails.js';
export * from './common.js';
export * from './delivery-failures.js';
export * from './render.js';
export * from './secretariat-digest.js';
export * from './step-mails.js';
export * from './unit-mails.js';
export * from './calendar-year-missing.js';
