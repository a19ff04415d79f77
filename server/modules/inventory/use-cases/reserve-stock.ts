import { inTx } from '../../../db/tx.js';
import type { Ctx } from '../../../kernel/ctx.js';
import { newId } from '../../../kernel/ids.js';
import type { ReservationChannel } from '../contract.js';
import { recordMovement } from '../ledger.repo.js';
import { assertQty } from '../sku-check.js';
import { reservations } from '../tables.js';

export interface ReserveInput {
  skuId: string;
  qty: number;
  channel: ReservationChannel;
  orderId?: string;
  orderLineId?: string;
  /** null: held until committed or released (paid orders, pickup holds) */
  expiresAt: Date | null;
}

/**
 * Holds `qty` of a SKU for an order line. Throws INSUFFICIENT_STOCK { skuId, requested,
 * available } when less is available; nothing is written then.
 */
export async function reserveStock(ctx: Ctx, i: ReserveInput): Promise<{ reservationId: string }> {
  assertQty(i.qty);
  return inTx(ctx, async (tx) => {
    const reservationId = newId();
    // the reservation row first: the hot level row is locked last and held for the shortest time
    await tx.db.insert(reservations).values({
      id: reservationId,
      orgId: tx.orgId,
      storeId: tx.storeId,
      skuId: i.skuId,
      channel: i.channel,
      orderId: i.orderId ?? null,
      orderLineId: i.orderLineId ?? null,
      qty: i.qty,
      expiresAt: i.expiresAt,
    });
    await recordMovement(tx, {
      skuId: i.skuId,
      kind: 'reserve',
      onHandDelta: 0,
      reservedDelta: i.qty,
      reservationId,
      orderId: i.orderId ?? null,
    });
    return { reservationId };
  });
}
