export * from './business-calendar.js';
export * from './calendar-data.js';
export * from './calendar-json.js';
export * from './local-date.js';
export * from './vietnam.js';
export { VIETNAM_2021 } from './vietnam-2021.js';
export { VIETNAM_2022 } from './vietnam-2022.js';
export { VIETNAM_2026 } from './vietnam-2026.js';
