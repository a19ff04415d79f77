import { randomInt } from 'node:crypto';
import { and, count, desc, eq, inArray } from 'drizzle-orm';
import { inTx } from '../../../db/tx.js';
import { emit } from '../../../events/emit.js';
import type { Ctx } from '../../../kernel/ctx.js';
import { AppError } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { notify } from '../../notifications/index.js';
import type { GiveawayView } from '../contract.js';
import { extrasOf, showOfStore } from '../show/extras.repo.js';
import { maskedAuthor } from './chat.js';
import { mayEnter } from './directory.js';
import { presentViewers } from './presence.repo.js';
import { liveGiveawayEntries, liveGiveaways } from './tables.js';
import './events.js';

type Row = typeof liveGiveaways.$inferSelect;

export function presentGiveaway(r: Row, entrants: number, entered?: boolean): GiveawayView & { winnerCustomerId: string | null } {
  return {
    id: r.id,
    showId: r.showId,
    prize: r.prize,
    status: r.status,
    endsAt: r.endsAt.toISOString(),
    entrants,
    winner: r.winnerLabel,
    eligible: r.eligible,
    drawnAt: r.drawnAt?.toISOString() ?? null,
    winnerCustomerId: r.winnerCustomerId,
    ...(entered === undefined ? {} : { entered }),
  };
}

async function entrantsOf(ctx: Ctx, giveawayId: string): Promise<number> {
  const [r] = await ctx.db.select({ n: count() }).from(liveGiveawayEntries).where(eq(liveGiveawayEntries.giveawayId, giveawayId));
  return r?.n ?? 0;
}

export async function findGiveaway(ctx: Ctx, id: string, lock = false): Promise<Row> {
  const q = ctx.db.select().from(liveGiveaways).where(and(eq(liveGiveaways.id, id), eq(liveGiveaways.storeId, ctx.storeId)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new AppError('LIVE_GIVEAWAY_NOT_FOUND', { id });
  return row;
}

async function announce(ctx: Ctx, r: Row, entrants: number): Promise<void> {
  await emit(ctx, 'live.giveaway_changed', {
    giveawayId: r.id,
    showId: r.showId,
    prize: r.prize,
    status: r.status,
    endsAt: r.endsAt.toISOString(),
    entrants,
    winner: r.winnerLabel,
    at: ctx.clock.now().toISOString(),
  });
}

/** The host opens a giveaway in a live show: entries are taken for `durationSec`. */
export async function openGiveaway(ctx: Ctx, showId: string, input: { prize: string; durationSec: number }) {
  return inTx(ctx, async (tx) => {
    const show = await showOfStore(tx, showId);
    if (show.status !== 'live') throw new AppError('LIVE_SHOW_NOT_LIVE', { showId });
    const now = tx.clock.now();
    const [row] = await tx.db
      .insert(liveGiveaways)
      .values({ id: newId(), orgId: tx.orgId, storeId: tx.storeId, showId, prize: input.prize, endsAt: new Date(now.getTime() + input.durationSec * 1000), createdAt: now })
      .returning();
    await announce(tx, row!, 0);
    return presentGiveaway(row!, 0);
  });
}

/**
 * A neighbour enters (no purchase needed); entering twice is one entry. Only someone who may
 * enter the room may enter its giveaway (an invite-only room: with its invite).
 */
export async function enterGiveaway(ctx: Ctx, customerId: string, giveawayId: string, inviteTokens: string[] = []): Promise<GiveawayView> {
  return inTx(ctx, async (tx) => {
    const g = await findGiveaway(tx, giveawayId);
    const extras = await extrasOf(tx, g.showId);
    const room = { storeId: g.storeId, access: extras?.access ?? ('public' as const), inviteToken: extras?.inviteToken ?? null };
    if (!mayEnter(room, { customerId, staffStoreId: null, inviteTokens })) throw new AppError('LIVE_ROOM_RESTRICTED', { access: room.access, signedIn: true });
    if (g.status !== 'open' || g.endsAt <= tx.clock.now()) throw new AppError('LIVE_GIVEAWAY_CLOSED', { giveawayId });
    await tx.db
      .insert(liveGiveawayEntries)
      .values({ giveawayId, customerId, orgId: tx.orgId, storeId: tx.storeId, enteredAt: tx.clock.now() })
      .onConflictDoNothing();
    const { winnerCustomerId: _w, ...view } = presentGiveaway(g, await entrantsOf(tx, giveawayId), true);
    return view;
  });
}

/**
 * Draws the winner uniformly among the entrants who are watching now (heartbeat within 60 s):
 * someone who entered and left cannot win. Drawing a drawn giveaway answers the same result.
 * The winner is told by message (notification outbox) and the room by `giveaway`.
 */
export async function drawGiveaway(ctx: Ctx, giveawayId: string) {
  return inTx(ctx, async (tx) => {
    const g = await findGiveaway(tx, giveawayId, true);
    if (g.status === 'drawn') return presentGiveaway(g, await entrantsOf(tx, giveawayId));
    if (g.status !== 'open') throw new AppError('LIVE_GIVEAWAY_CLOSED', { giveawayId });
    const present = await presentViewers(tx, g.showId);
    const pool = present.length
      ? (
          await tx.db
            .select({ customerId: liveGiveawayEntries.customerId })
            .from(liveGiveawayEntries)
            .where(and(eq(liveGiveawayEntries.giveawayId, giveawayId), inArray(liveGiveawayEntries.customerId, present)))
        )
          .map((r) => r.customerId)
          .sort()
      : [];
    if (pool.length === 0) throw new AppError('LIVE_GIVEAWAY_NO_ELIGIBLE', { giveawayId });
    const winner = pool[randomInt(pool.length)]!;
    const label = await maskedAuthor(tx, winner);
    const [row] = await tx.db
      .update(liveGiveaways)
      .set({ status: 'drawn', winnerCustomerId: winner, winnerLabel: label, eligible: pool.length, drawnAt: tx.clock.now() })
      .where(eq(liveGiveaways.id, giveawayId))
      .returning();
    const entrants = await entrantsOf(tx, giveawayId);
    await announce(tx, row!, entrants);
    await notify(tx, { to: { customerId: winner }, template: 'generic', params: { text: `恭喜您在直播间抽中「${g.prize}」，请到店领取`, giveawayId } });
    return presentGiveaway(row!, entrants);
  });
}

export async function giveawaysOf(ctx: Ctx, showId: string) {
  const rows = await ctx.db
    .select()
    .from(liveGiveaways)
    .where(and(eq(liveGiveaways.storeId, ctx.storeId), eq(liveGiveaways.showId, showId)))
    .orderBy(desc(liveGiveaways.createdAt))
    .limit(20);
  return Promise.all(rows.map(async (r) => presentGiveaway(r, await entrantsOf(ctx, r.id))));
}

export async function hasEntered(ctx: Ctx, giveawayId: string, customerId: string): Promise<boolean> {
  const [r] = await ctx.db
    .select({ c: liveGiveawayEntries.customerId })
    .from(liveGiveawayEntries)
    .where(and(eq(liveGiveawayEntries.giveawayId, giveawayId), eq(liveGiveawayEntries.customerId, customerId)));
  return r !== undefined;
}
