export * from './compose.js';
export * from './notification-activities.js';
export * from './notification-context.js';
export * from './send-notification.js';
export { classifySmtpFailure, type SmtpFailure } from './smtp-failure.js';
export { notificationMessageId } from './message-id.js';
