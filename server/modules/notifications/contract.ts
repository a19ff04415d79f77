import { z } from 'zod';

export const NotificationTemplate = z.enum([
  'otp',
  'order_ready',
  'order_refunded',
  'pickup_reminder',
  'generic',
  'after_sales_approved',
  'after_sales_rejected',
  'no_show_closed',
]);
export type NotificationTemplate = z.infer<typeof NotificationTemplate>;

export const MessageStatus = z.enum(['queued', 'sent', 'failed']);
export type MessageStatus = z.infer<typeof MessageStatus>;

export const OutboxQuery = z.object({
  status: MessageStatus.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/** One message as the console's outbox page shows it (staff see the full phone). */
export const OutboxMessage = z.object({
  id: z.uuid(),
  customerId: z.uuid().nullable(),
  phone: z.string(),
  channel: z.literal('sms'),
  template: NotificationTemplate,
  body: z.string(),
  status: MessageStatus,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.date(),
  sentAt: z.date().nullable(),
});
export type OutboxMessage = z.infer<typeof OutboxMessage>;

export const OutboxPage = z.object({
  items: z.array(OutboxMessage),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
