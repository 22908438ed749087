export * from './local-clock.js';
export * from './plan-reminders.js';
export * from './planned-send.js';
export * from './reminder-policy.js';
