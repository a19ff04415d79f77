import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { inTx } from '../../../db/tx.js';
import { emit } from '../../../events/emit.js';
import type { Ctx } from '../../../kernel/ctx.js';
import { getSkusForSale } from '../../catalog/index.js';
import { getOrders, type PaymentsPort } from '../../orders/index.js';
import { entriesOf, findCampaign, itemsOf, progressOf, reached, updateCampaign, type CampaignRow, type EntryRow, type ItemRow } from '../campaigns/campaign.repo.js';
import { priceAt } from '../campaigns/pricing.js';
import { gbCampaigns, gbEntries, gbItems } from '../tables.js';
import { dropChunk, failChunk, type ChunkResult } from './settle-bulk.js';
import { settleEntry } from './settle-entry.js';

export interface SettleOptions {
  payments: PaymentsPort;
  /** tests: called after each order's step has committed (throw to simulate a crash halfway) */
  afterEntry?: (n: number) => void;
  /** orders per transaction in the bulk steps (drop, fail); default 500 */
  chunk?: number;
}

export const FAILED_REASON = 'groupbuy_failed';
export const CANCELLED_REASON = 'groupbuy_cancelled';
export const UNPAID_REASON = 'groupbuy_unpaid_at_cutoff';
export const LADDER_REASON = 'groupbuy_ladder_difference';

/**
 * The cut-off of one campaign, resumable at every step (a second run or a run after a crash
 * continues where the first stopped, never repeating a refund):
 * 1. unpaid sandbox orders are cancelled (caps given back);
 * 2. the decision, once, under the campaign's lock (which waits for joins in flight):
 *    formed (成团: final ladder prices fixed, 'groupbuy.campaign_formed' with the demand) or failed;
 * 3. each order's step: formed → settleEntry one by one for the orders with a ladder difference
 *    (the rest in bulk); failed or cancelled → cancelled / refunded in full 500 orders per
 *    transaction (settle-bulk.ts), the refunds asked of the provider after each commit;
 * 4. settledAt.
 */
export async function settleCampaign(ctx: Ctx, campaignId: string, o: SettleOptions): Promise<CampaignRow> {
  let c = await findCampaign(ctx, campaignId);
  let n = 0;
  const tick = () => o.afterEntry?.(++n);
  if (c.status === 'open' || c.status === 'closed') {
    const unpaid = await unpaidSandboxEntries(ctx, await entriesOf(ctx, c.id, { active: true }));
    await eachChunk(ctx, unpaid, o, (ids) => dropChunk(ctx, ids, { payments: o.payments, reason: UNPAID_REASON }), tick);
    c = await decide(ctx, c.id);
  }
  if (c.status !== 'formed' && c.status !== 'failed' && c.status !== 'cancelled') return c;
  const step = c.status === 'formed' ? 'form' : 'fail';
  const reason = c.status === 'formed' ? LADDER_REASON : c.status === 'failed' ? FAILED_REASON : CANCELLED_REASON;
  const items = await itemsOf(ctx, c.id);
  let pending = (await entriesOf(ctx, c.id)).filter((e) => !e.settled);
  if (step === 'form') {
    pending = await settleUnchanged(ctx, pending, items);
    await eachEntry(pending, (e) => settleEntry(ctx, e.orderId, { payments: o.payments, items, reason }), tick);
  } else {
    await eachChunk(ctx, pending, o, (ids) => failChunk(ctx, ids, { payments: o.payments, reason }), tick);
  }
  const [done] = await ctx.db
    .update(gbCampaigns)
    .set({ settledAt: ctx.clock.now() })
    .where(and(eq(gbCampaigns.id, c.id), isNull(gbCampaigns.settledAt)))
    .returning();
  return done ?? (await findCampaign(ctx, c.id));
}

const CHUNK = 1000;
const CHUNK_BULK = 500;
const chunks = <T>(xs: T[]): T[][] => Array.from({ length: Math.ceil(xs.length / CHUNK) }, (_, i) => xs.slice(i * CHUNK, (i + 1) * CHUNK));

/** The entries whose order is an unpaid sandbox order now (the only ones 'drop' acts on; settleEntry checks again under the lock). */
async function unpaidSandboxEntries(ctx: Ctx, entries: EntryRow[]): Promise<EntryRow[]> {
  const out: EntryRow[] = [];
  for (const part of chunks(entries)) {
    const orders = await getOrders(ctx, part.map((e) => e.orderId));
    out.push(...part.filter((e) => {
      const order = orders.get(e.orderId);
      return order?.status === 'pending_payment' && order.paymentMethod === 'sandbox';
    }));
  }
  return out;
}

/**
 * 成团 with no cheaper final tier for an entry's lines: its 'form' step would change nothing but
 * the settled flag, so those entries are marked settled in bulk (one statement per 1,000); the
 * rest (a ladder difference to refund or to reprice) go through settleEntry one by one.
 */
async function settleUnchanged(ctx: Ctx, pending: EntryRow[], items: ItemRow[]): Promise<EntryRow[]> {
  const finalOf = new Map(items.map((i) => [i.id, i.finalPriceFen]));
  const cheaper = (e: EntryRow) => e.lines.some((l) => {
    const f = finalOf.get(l.itemId);
    return f !== null && f !== undefined && f < l.unitPriceFen;
  });
  const unchanged = pending.filter((e) => !cheaper(e));
  for (const part of chunks(unchanged)) {
    await ctx.db
      .update(gbEntries)
      .set({ settled: true })
      .where(and(eq(gbEntries.storeId, ctx.storeId), inArray(gbEntries.id, part.map((e) => e.id)), eq(gbEntries.settled, false)));
  }
  return pending.filter(cheaper);
}

/**
 * Runs one order's step for each entry; an order that fails (its refund refused) does not hold
 * up the others, and the first failure is thrown at the end, so the campaign stays unsettled and
 * the next run tries that order again.
 */
async function eachEntry(entries: EntryRow[], step: (e: EntryRow) => Promise<boolean>, tick: () => void): Promise<void> {
  const errors: unknown[] = [];
  for (const e of entries) {
    let done: boolean;
    try {
      done = await step(e);
    } catch (err) {
      errors.push(err);
      continue;
    }
    if (done) tick();
  }
  if (errors.length > 0) throw errors[0];
}

/**
 * Runs a bulk step chunk by chunk (one transaction each); once a chunk has committed, its refunds
 * are asked of the providers (those refused wait in the retry queue). Orders a chunk could not
 * take do not hold up the others: the first error is thrown at the end, so the campaign stays
 * unsettled and the next run tries just those again.
 */
async function eachChunk(ctx: Ctx, entries: EntryRow[], o: SettleOptions, step: (orderIds: string[]) => Promise<ChunkResult>, tick: () => void): Promise<void> {
  const size = o.chunk ?? CHUNK_BULK;
  const errors: unknown[] = [];
  for (let i = 0; i < entries.length; i += size) {
    const r = await step(entries.slice(i, i + size).map((e) => e.orderId));
    errors.push(...r.errors);
    if (r.refundIds.length > 0) {
      try {
        await o.payments.attemptRefunds(ctx, r.refundIds);
      } catch (e) {
        errors.push(e); // recorded and due: the retry job asks again
      }
    }
    for (let k = 0; k < r.done; k++) tick();
  }
  if (errors.length > 0) throw errors[0];
}

/** Formed or failed, decided once: a concurrent run finds the decision already taken. */
async function decide(ctx: Ctx, campaignId: string): Promise<CampaignRow> {
  return inTx(ctx, async (tx) => {
    const c = await findCampaign(tx, campaignId, 'update');
    if (c.status !== 'open' && c.status !== 'closed') return c;
    const progress = await progressOf(tx, c.id);
    const now = tx.clock.now();
    // what was sold at the decision stays the campaign's shown progress (refunds and no-shows give caps back later)
    await tx.db.update(gbItems).set({ soldAtCutoff: sql`${gbItems.sold}` }).where(eq(gbItems.campaignId, c.id));
    if (!reached(c, progress)) {
      const failed = await updateCampaign(tx, c, { status: 'failed', decidedAt: now, buyersAtCutoff: progress.buyers });
      await emit(tx, 'groupbuy.campaign_failed', { campaignId: c.id, ...progress });
      return failed;
    }
    const items = await itemsOf(tx, c.id);
    for (const i of items) {
      await tx.db.update(gbItems).set({ finalPriceFen: priceAt(i.priceFen, i.tiers, i.sold) }).where(eq(gbItems.id, i.id));
    }
    const skus = await getSkusForSale(tx, items.map((i) => i.skuId));
    const formed = await updateCampaign(tx, c, { status: 'formed', decidedAt: now, buyersAtCutoff: progress.buyers });
    await emit(tx, 'groupbuy.campaign_formed', {
      campaignId: c.id,
      demand: items.filter((i) => i.sold > 0).map((i) => ({ skuId: i.skuId, supplierId: skus.get(i.skuId)?.supplierId ?? null, qty: i.sold })),
    });
    return formed;
  });
}
