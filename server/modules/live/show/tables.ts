import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * What a show carries besides its video (one row per show, made when set): the cover, the
 * products it features, and who may enter the room. `invite_token` is the share-link token of
 * an invite-only room (kept in clear: staff share the link again; rotating it kills old links).
 */
export const liveShowExtras = pgTable('live_show_extra', {
  showId: uuid('show_id').primaryKey(),
  orgId: uuid('org_id').notNull(),
  storeId: uuid('store_id').notNull(),
  coverImageUrl: text('cover_image_url'),
  skuIds: jsonb('sku_ids').$type<string[]>().notNull().default([]),
  access: text('access', { enum: ['public', 'members', 'invite'] }).notNull().default('public'),
  inviteToken: text('invite_token'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** A neighbour asked to be told when a show starts; notified_at is set once, with the message. */
export const liveShowReminders = pgTable(
  'live_show_reminder',
  {
    showId: uuid('show_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    orgId: uuid('org_id').notNull(),
    storeId: uuid('store_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    notifiedAt: timestamp('notified_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.showId, t.customerId] }), index('live_show_reminder_store_idx').on(t.storeId)],
);
