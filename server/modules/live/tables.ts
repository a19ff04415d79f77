import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * A stream key lets one host (a staff member) push video for one store. Only the SHA-256 of the
 * key is stored: the key is shown once, when created or rotated, and a leaked table cannot be
 * used to stream into a store's live room. 160+ random bits make a slow hash unnecessary.
 */
export const liveStreamKeys = pgTable(
  'live_stream_key',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    storeId: uuid('store_id').notNull(),
    /** the host (staff member) who streams with this key */
    hostStaffId: uuid('host_staff_id').notNull(),
    label: text('label').notNull().default(''),
    keyHash: text('key_hash').notNull(),
    /** the key's last characters, so the console can tell keys apart */
    keyHint: text('key_hint').notNull(),
    status: text('status', { enum: ['active', 'revoked'] }).notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    rotatedAt: timestamp('rotated_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    lastPublishedAt: timestamp('last_published_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('live_stream_key_hash_uq').on(t.keyHash), index('live_stream_key_store_idx').on(t.storeId)],
);

/** A live show: scheduled ahead (or ad hoc when a host goes live unannounced), live, ended. */
export const liveShows = pgTable(
  'live_show',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    storeId: uuid('store_id').notNull(),
    title: text('title').notNull(),
    /** null for an ad-hoc show started by a push */
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }),
    status: text('status', { enum: ['scheduled', 'live', 'ended'] }).notNull().default('scheduled'),
    startedAt: timestamp('started_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    /** the key that carried the show's video (set when it goes live) */
    streamKeyId: uuid('stream_key_id').references(() => liveStreamKeys.id),
    /** the host: planned when scheduled (optional), the key's host once live */
    hostStaffId: uuid('host_staff_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('live_show_store_status_idx').on(t.storeId, t.status, t.scheduledAt),
    // one key carries at most one live show at a time
    uniqueIndex('live_show_live_key_uq').on(t.streamKeyId).where(sql`status = 'live'`),
  ],
);
