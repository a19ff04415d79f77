import { and, eq, inArray, sql } from 'drizzle-orm';
import { insertJsonRows } from '../../../../db/json-rows.js';
import { queryRows } from '../../../../db/raw.js';
import { emit } from '../../../../events/emit.js';
import { idempotencyKeys } from '../../../../idempotency/tables.js';
import type { Ctx } from '../../../../kernel/ctx.js';
import { AppError } from '../../../../kernel/errors.js';
import { newId } from '../../../../kernel/ids.js';
import { maskName, maskPhone } from '../../../../kernel/privacy.js';
import { getCustomers } from '../../../customers/index.js';
import { getLevels } from '../../../inventory/index.js';
import type { OrderView } from '../../../orders/index.js';
import type { FlashOrderBody } from '../../contract.js';
import { findFlashSale, saleState } from '../flash-sale.repo.js';
import { liveFlashBuyers, liveFlashSales, liveSales } from '../tables.js';
import { writeFlashOrders } from './flash-orders.js';

export const FLASH_ORDER_SCOPE = 'live.flash_order';

export interface FlashOrderRequest {
  customerId: string;
  flashSaleId: string;
  body: FlashOrderBody;
  key: string;
  /** request hash (idempotency): same key + another body → IDEMPOTENCY_KEY_REUSED */
  hash: string;
}

/** per request: the order, a refusal, or "again in the next batch" (a buyer's second request in one batch) */
export type FlashOutcome = { order: OrderView } | { error: AppError } | { requeue: true };

/**
 * Sells one batch of a flash sale in the caller's transaction. The sale row is locked first, so
 * batches of every process take turns; the conditional UPDATE (remaining >= taken) is the
 * source of truth. Then: idempotency keys (a replayed key answers its first order), the
 * per-person cap, the allocation in arrival order, the pool reservation handed over to each
 * order's own reservation (release from the pool + reserve for the line, one transaction, so the
 * ledger never shows the units available in between), the orders, the sales rows and one event.
 * A refused request writes nothing (its key is written only with its order, answer included). `setBased` (default) writes
 * the batch's orders with a constant number of statements; false: one `createOrder` each (the
 * naive baseline of the bench).
 */
export async function sellFlashBatch(tx: Ctx, flashSaleId: string, reqs: FlashOrderRequest[], { setBased = true } = {}): Promise<FlashOutcome[]> {
  const out: FlashOutcome[] = reqs.map(() => ({ requeue: true }));
  const sale = await findFlashSale(tx, flashSaleId, true);
  const now = tx.clock.now();

  const open = sale.status === 'open' && now < sale.endsAt;
  // sold out or ended: nothing can sell, so the keys are only looked up (replays), never written
  const canSell = open && sale.remaining > 0;
  // idempotency: the keys already written answer with their stored order (or refuse); the fresh
  // ones are written once, with their answer, when the batch's orders are (a refusal writes none).
  // A key written meanwhile by another process fails the insert below: the batch rolls back and
  // each request runs alone, finding the stored answer.
  const stored = new Map<string, { requestHash: string; response: unknown }>();
  const rows = await tx.db
    .select({ key: idempotencyKeys.key, requestHash: idempotencyKeys.requestHash, response: idempotencyKeys.response })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.storeId, tx.storeId), eq(idempotencyKeys.scope, FLASH_ORDER_SCOPE), inArray(idempotencyKeys.key, reqs.map((r) => r.key))));
  for (const r of rows) stored.set(r.key, r);
  const fresh = new Set(reqs.filter((r) => !stored.has(r.key)).map((r) => r.key));

  const seen = new Set<string>();
  const candidates: number[] = [];
  reqs.forEach((r, i) => {
    if (!fresh.has(r.key)) {
      const s = stored.get(r.key);
      if (!s || s.response === null) out[i] = { error: new AppError('IDEMPOTENCY_IN_PROGRESS') };
      else if (s.requestHash !== r.hash) out[i] = { error: new AppError('IDEMPOTENCY_KEY_REUSED', { key: r.key }) };
      else out[i] = { order: s.response as OrderView };
      return;
    }
    if (!open) out[i] = { error: new AppError('FLASH_SALE_ENDED', { flashSaleId, endsAt: sale.endsAt.toISOString() }) };
    else if (!canSell) out[i] = { error: new AppError('FLASH_SALE_SOLD_OUT', { flashSaleId, remaining: 0 }) };
    else if (r.body.qty > sale.perPersonLimit) out[i] = { error: new AppError('FLASH_SALE_PERSON_LIMIT', { perPersonLimit: sale.perPersonLimit, requested: r.body.qty }) };
    else if (seen.has(r.customerId)) out[i] = { requeue: true };
    else {
      seen.add(r.customerId);
      candidates.push(i);
    }
  });

  // the per-person cap, against what each buyer already has (their rows change only under the sale lock)
  const bought = new Map<string, number>();
  if (candidates.length > 0) {
    const rows = await tx.db
      .select({ customerId: liveFlashBuyers.customerId, qty: liveFlashBuyers.qty })
      .from(liveFlashBuyers)
      .where(and(eq(liveFlashBuyers.flashSaleId, flashSaleId), inArray(liveFlashBuyers.customerId, candidates.map((i) => reqs[i]!.customerId))));
    for (const r of rows) bought.set(r.customerId, r.qty);
  }
  let left = sale.remaining;
  const sold: number[] = [];
  for (const i of candidates) {
    const r = reqs[i]!;
    const had = bought.get(r.customerId) ?? 0;
    if (had + r.body.qty > sale.perPersonLimit) {
      out[i] = { error: new AppError('FLASH_SALE_PERSON_LIMIT', { perPersonLimit: sale.perPersonLimit, alreadyBought: had }) };
    } else if (r.body.qty > left) {
      out[i] = { error: new AppError('FLASH_SALE_SOLD_OUT', { flashSaleId, remaining: left }) };
    } else {
      left -= r.body.qty;
      sold.push(i);
    }
  }

  if (sold.length === 0) return out;

  const taken = sold.reduce((s, i) => s + reqs[i]!.body.qty, 0);
  const [after] = await tx.db
    .update(liveFlashSales)
    .set({ remaining: sql`${liveFlashSales.remaining} - ${taken}`, reservationId: left === 0 ? null : sale.reservationId })
    .where(and(eq(liveFlashSales.id, flashSaleId), eq(liveFlashSales.status, 'open'), sql`${liveFlashSales.remaining} >= ${taken}`))
    .returning();
  if (!after) throw new Error(`flash sale ${flashSaleId}: remaining changed under the lock`);
  await tx.db.execute(
    insertJsonRows(
      liveFlashBuyers,
      sold.map((i) => ({ flashSaleId, storeId: tx.storeId, customerId: reqs[i]!.customerId, qty: reqs[i]!.body.qty })),
      sql`on conflict (flash_sale_id, customer_id) do update set qty = ${liveFlashBuyers}.qty + excluded.qty`,
    ),
  );

  // the pool's units pass to the orders' own reservations (pickup commits those)
  const orders = await writeFlashOrders(tx, sale, sold.map((i) => ({ customerId: reqs[i]!.customerId, qty: reqs[i]!.body.qty, paymentMethod: reqs[i]!.body.paymentMethod })), setBased);
  const salesRows = sold.map((i, k) => {
    const r = reqs[i]!;
    const order = orders[k]!;
    // the answer as a replay will read it back (plain JSON)
    out[i] = { order: JSON.parse(JSON.stringify(order)) as OrderView };
    return {
      id: newId(), storeId: tx.storeId, showId: sale.showId, orderId: order.id, kind: 'flash_sale' as const, refId: flashSaleId,
      customerId: r.customerId, skuId: sale.skuId, title: sale.title, qty: r.body.qty, amountFen: order.totalFen, at: now,
    };
  });
  await tx.db.execute(insertJsonRows(liveSales, salesRows));
  const keys = await queryRows<{ key: string }>(
    tx.db,
    insertJsonRows(
      idempotencyKeys,
      sold.map((i) => ({ storeId: tx.storeId, scope: FLASH_ORDER_SCOPE, key: reqs[i]!.key, requestHash: reqs[i]!.hash, response: (out[i] as { order: OrderView }).order })),
      sql`on conflict do nothing returning key`,
    ),
  );
  if (keys.length !== sold.length) throw new Error('an Idempotency-Key of the batch was written meanwhile');

  // the ticker names the batch's last 20 buyers
  const tickerOf = sold.slice(-20);
  const names = await getCustomers(tx, tickerOf.map((i) => reqs[i]!.customerId));
  const who = (id: string) => {
    const c = names.get(id);
    return c?.name ? maskName(c.name) : c?.phone ? maskPhone(c.phone) : maskName('');
  };
  const available = (await getLevels(tx, [sale.skuId])).get(sale.skuId)!.available;
  await emit(tx, 'live.flash_sale_changed', {
    showId: sale.showId,
    sale: saleState(after, now),
    available,
    ticker: tickerOf.map((i) => ({ who: who(reqs[i]!.customerId), what: `抢到 ${sale.title}`.slice(0, 80), qty: reqs[i]!.body.qty })),
    at: now.toISOString(),
  });
  return out;
}
