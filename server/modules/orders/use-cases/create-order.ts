import { inTx } from '../../../db/tx.js';
import { emit } from '../../../events/emit.js';
import { MINUTE } from '../../../kernel/clock.js';
import type { Ctx } from '../../../kernel/ctx.js';
import { AppError } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { assertFen, lineTotal } from '../../../kernel/money.js';
import { getSkusForSale, type SkuForSale } from '../../catalog/index.js';
import { reserve } from '../../inventory/index.js';
import { announceReady, orderRef } from '../announce.js';
import type { Fulfilment, OrderChannel, OrderStatus, OrderView, PaymentMethod } from '../contract.js';
import { insertOrderWithCode } from '../pickup-code.js';
import { presentOrder } from '../present.js';
import { assertTransition } from '../state.js';
import { orderLines } from '../tables.js';

/** An unpaid sandbox order holds its stock this long, then it is cancelled. */
export const UNPAID_HOLD_MS = 15 * MINUTE;

export interface CreateOrderInput {
  channel: OrderChannel;
  customerId: string | null;
  /** `unitPriceFen` only for channels that set their own price (flash sale, POS override); the shop never sends it */
  lines: Array<{ skuId: string; qty: number; unitPriceFen?: number }>;
  paymentMethod: PaymentMethod;
  fulfilment: Fulfilment;
  /** sandbox orders: when the unpaid hold ends (default now + 15 min; null: never) */
  reservationExpiresAt?: Date | null;
  sourceRef?: string;
  note?: string;
  /**
   * Default true: each line reserves on-hand stock. false for presale channels (group buy):
   * the goods are not on the shelf yet, so nothing is reserved until they are received.
   */
  reserveStock?: boolean;
}

/**
 * Where a new order starts. Money is recorded only through the payments port: sandbox orders
 * wait for markPaid; pay_at_pickup and cash orders are paid at the counter on verification, so
 * with the goods on the shelf they are ready at once.
 */
export function initialStatus(i: CreateOrderInput): OrderStatus {
  if (i.fulfilment === 'in_stock' && i.paymentMethod !== 'sandbox') {
    assertTransition('pending_payment', 'ready_for_pickup');
    return 'ready_for_pickup';
  }
  return 'pending_payment';
}

/** ORDER_EMPTY, or VALIDATION_FAILED for a quantity that is not a whole positive number. */
export function assertOrderLines(input: CreateOrderInput): void {
  if (input.lines.length === 0) throw new AppError('ORDER_EMPTY');
  for (const l of input.lines) {
    if (!Number.isSafeInteger(l.qty) || l.qty <= 0) throw new AppError('VALIDATION_FAILED', { skuId: l.skuId, qty: l.qty });
  }
}

/** The lines priced from the catalog (or the channel's own price): SKU_NOT_FOUND / SKU_INACTIVE. */
export function priceLines(input: CreateOrderInput, skus: Map<string, SkuForSale>) {
  return input.lines.map((l, position) => {
    const sku = skus.get(l.skuId);
    if (!sku) throw new AppError('SKU_NOT_FOUND', { skuId: l.skuId });
    if (!sku.active) throw new AppError('SKU_INACTIVE', { skuId: l.skuId, productName: sku.productName });
    const unitPriceFen = assertFen(l.unitPriceFen ?? sku.priceFen);
    return { id: newId(), position, sku, qty: l.qty, unitPriceFen, lineTotalFen: lineTotal(unitPriceFen, l.qty) };
  });
}

/** When an unpaid sandbox order's hold ends; null for orders paid at the counter. */
export function payByOf(input: CreateOrderInput, now: Date): Date | null {
  if (input.paymentMethod !== 'sandbox') return null;
  return input.reservationExpiresAt === undefined ? new Date(now.getTime() + UNPAID_HOLD_MS) : input.reservationExpiresAt;
}

/**
 * Prices the lines from the catalog, reserves stock for each line and writes the order, all in
 * one transaction: INSUFFICIENT_STOCK on any line leaves nothing behind.
 */
export async function createOrder(ctx: Ctx, input: CreateOrderInput): Promise<OrderView> {
  assertOrderLines(input);
  const status = initialStatus(input);

  return inTx(ctx, async (tx) => {
    const now = tx.clock.now();
    const skus = await getSkusForSale(tx, [...new Set(input.lines.map((l) => l.skuId))]);
    const priced = priceLines(input, skus);
    const totalFen = assertFen(priced.reduce((s, l) => s + l.lineTotalFen, 0));
    const payBy = payByOf(input, now);

    const orderId = newId();
    const order = await insertOrderWithCode(tx, {
      id: orderId,
      orgId: tx.orgId,
      storeId: tx.storeId,
      customerId: input.customerId,
      channel: input.channel,
      status,
      fulfilment: input.fulfilment,
      paymentMethod: input.paymentMethod,
      totalFen,
      payBy,
      sourceRef: input.sourceRef ?? null,
      note: input.note ?? null,
      createdAt: now,
      updatedAt: now,
    });
    const lines = [];
    // reserve in SKU order, so two orders of the same SKUs never wait on each other crosswise
    for (const l of [...priced].sort((a, b) => (a.sku.skuId < b.sku.skuId ? -1 : a.sku.skuId > b.sku.skuId ? 1 : a.position - b.position))) {
      // unpaid sandbox orders hold stock until payBy; everything else is a pickup hold
      const reservationId =
        input.reserveStock === false
          ? null
          : (await reserve(tx, { skuId: l.sku.skuId, qty: l.qty, channel: input.channel, orderId, orderLineId: l.id, expiresAt: payBy }))
              .reservationId;
      lines.push({
        id: l.id,
        orderId,
        storeId: tx.storeId,
        position: l.position,
        skuId: l.sku.skuId,
        productId: l.sku.productId,
        productName: l.sku.productName,
        spec: l.sku.spec,
        unit: l.sku.unit,
        qty: l.qty,
        unitPriceFen: l.unitPriceFen,
        lineTotalFen: l.lineTotalFen,
        reservationId,
        refundedQty: 0,
      });
    }
    lines.sort((a, b) => a.position - b.position);
    await tx.db.insert(orderLines).values(lines);

    await emit(tx, 'order.created', {
      ...orderRef(order),
      totalFen,
      paymentMethod: input.paymentMethod,
      lines: lines.map((l) => ({ skuId: l.skuId, qty: l.qty, lineTotalFen: l.lineTotalFen })),
    });
    if (status === 'ready_for_pickup') await announceReady(tx, order);
    return presentOrder(order, lines);
  });
}
