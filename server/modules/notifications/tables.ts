import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Messages to neighbours, written in the transaction of the change that causes them and
 * delivered after it commits by the configured adapter (development: the app log).
 */
export const messages = pgTable(
  'notification_message',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    storeId: uuid('store_id').notNull(),
    customerId: uuid('customer_id'),
    /** '' when no number could be found for the customer (then status is failed) */
    phone: text('phone').notNull(),
    channel: text('channel', { enum: ['sms'] }).notNull().default('sms'),
    template: text('template').notNull(),
    params: jsonb('params').notNull(),
    /** rendered zh-CN text, exactly what the neighbour receives */
    body: text('body').notNull(),
    status: text('status', { enum: ['queued', 'sent', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('notification_message_store_idx').on(t.storeId, t.createdAt),
    index('notification_message_due_idx').on(t.nextAttemptAt).where(sql`status = 'queued'`),
  ],
);
