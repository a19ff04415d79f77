/** Notifications: an outbox of messages to neighbours, delivered after commit through an adapter. */
import './events.js';

export { notify, type NotifyInput, type Recipient } from './use-cases/notify.js';
export { notifyMany } from './use-cases/notify-many.js';
export { MessageDelivery, type NotificationAdapter, type OutgoingMessage, type DeliveryDeps } from './delivery.js';
export { devNotificationAdapter } from './dev-adapter.js';
export { registerNotificationRoutes } from './routes.js';
export { NotificationTemplate } from './contract.js';
export type { TemplateParams } from './templates.js';
export * as notificationTables from './tables.js';
