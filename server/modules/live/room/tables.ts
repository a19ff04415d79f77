import { bigserial, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Presence in a live room, one row per viewer per show: a signed-in neighbour (viewer_key =
 * 'c:<customerId>') or an anonymous device ('a:<hash>'). Each heartbeat moves last_seen_at and
 * adds the time since the previous one to watch_ms when it is within the presence window (60 s);
 * a longer gap starts a new session and adds nothing. Present = last_seen_at within the window.
 */
export const liveRoomViewers = pgTable(
  'live_room_viewer',
  {
    showId: uuid('show_id').notNull(),
    viewerKey: text('viewer_key').notNull(),
    orgId: uuid('org_id').notNull(),
    storeId: uuid('store_id').notNull(),
    customerId: uuid('customer_id'),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    /** start of the current session (== last_seen_at on an arrival) */
    sessionStartedAt: timestamp('session_started_at', { withTimezone: true }).notNull(),
    watchMs: integer('watch_ms').notNull().default(0),
    sessions: integer('sessions').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.showId, t.viewerKey] }), index('live_room_viewer_seen_idx').on(t.showId, t.lastSeenAt)],
);

/** Counters and the pin of a room (one row per show, made on first use). */
export const liveRoomState = pgTable('live_room_state', {
  showId: uuid('show_id').primaryKey(),
  orgId: uuid('org_id').notNull(),
  storeId: uuid('store_id').notNull(),
  likes: integer('likes').notNull().default(0),
  peakViewers: integer('peak_viewers').notNull().default(0),
  peakAt: timestamp('peak_at', { withTimezone: true }),
  /** what the host pinned (讲解中), as the room shows it; null when nothing is */
  pinned: jsonb('pinned').$type<PinnedSnapshot | null>(),
});

export interface PinnedSnapshot {
  kind: 'product' | 'campaign' | 'flash_sale';
  refId: string;
  title: string;
  priceFen?: number | null;
  available?: number | null;
  imageUrl?: string | null;
}

/** Chat lines of a room, kept for moderation and replay; a removed line keeps its row. */
export const liveChatMessages = pgTable(
  'live_chat_message',
  {
    id: uuid('id').primaryKey(),
    /** the order lines were written in (many share a millisecond) */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    orgId: uuid('org_id').notNull(),
    storeId: uuid('store_id').notNull(),
    showId: uuid('show_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    /** masked as everyone saw it (张*) */
    author: text('author').notNull(),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    removedAt: timestamp('removed_at', { withTimezone: true }),
    removedBy: uuid('removed_by'),
  },
  (t) => [index('live_chat_message_show_idx').on(t.showId, t.seq)],
);

/** A neighbour muted in one show until a time (host moderation). */
export const liveRoomMutes = pgTable(
  'live_room_mute',
  {
    showId: uuid('show_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    orgId: uuid('org_id').notNull(),
    storeId: uuid('store_id').notNull(),
    until: timestamp('until', { withTimezone: true }).notNull(),
    byStaffId: uuid('by_staff_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.showId, t.customerId] })],
);

/** A neighbour blocked from chatting in every room of the store. */
export const liveRoomBlocks = pgTable(
  'live_room_block',
  {
    storeId: uuid('store_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    orgId: uuid('org_id').notNull(),
    byStaffId: uuid('by_staff_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.customerId] })],
);

/** The store's room settings: the keyword filter. */
export const liveRoomSettings = pgTable('live_room_settings', {
  storeId: uuid('store_id').primaryKey(),
  orgId: uuid('org_id').notNull(),
  blockedWords: jsonb('blocked_words').$type<string[]>().notNull().default([]),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** A giveaway (抽奖, no purchase needed): open for entries, then drawn among entrants present. */
export const liveGiveaways = pgTable(
  'live_giveaway',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    storeId: uuid('store_id').notNull(),
    showId: uuid('show_id').notNull(),
    prize: text('prize').notNull(),
    status: text('status', { enum: ['open', 'drawn', 'cancelled'] }).notNull().default('open'),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    winnerCustomerId: uuid('winner_customer_id'),
    winnerLabel: text('winner_label'),
    /** entrants present when drawn (the pool the winner came from) */
    eligible: integer('eligible'),
    drawnAt: timestamp('drawn_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('live_giveaway_show_idx').on(t.showId, t.createdAt)],
);

export const liveGiveawayEntries = pgTable(
  'live_giveaway_entry',
  {
    giveawayId: uuid('giveaway_id')
      .notNull()
      .references(() => liveGiveaways.id),
    customerId: uuid('customer_id').notNull(),
    orgId: uuid('org_id').notNull(),
    storeId: uuid('store_id').notNull(),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.giveawayId, t.customerId] })],
);
