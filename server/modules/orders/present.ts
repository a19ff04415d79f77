import type { OrderView } from './contract.js';
import type { LineRow, OrderRow } from './orders.repo.js';
import { refundState } from './state.js';

export function presentOrder(o: OrderRow, lines: LineRow[]): OrderView {
  return {
    id: o.id,
    storeId: o.storeId,
    customerId: o.customerId,
    channel: o.channel,
    status: o.status,
    refundState: refundState(o),
    fulfilment: o.fulfilment,
    paymentMethod: o.paymentMethod,
    totalFen: o.totalFen,
    paidFen: o.paidFen,
    refundedFen: o.refundedFen,
    pickupCode: o.pickupCode,
    payBy: o.payBy ? o.payBy.toISOString() : null,
    sourceRef: o.sourceRef,
    note: o.note,
    cancelReason: o.cancelReason,
    lines: lines.map((l) => ({
      id: l.id,
      skuId: l.skuId,
      productId: l.productId,
      productName: l.productName,
      spec: l.spec,
      unit: l.unit,
      qty: l.qty,
      unitPriceFen: l.unitPriceFen,
      lineTotalFen: l.lineTotalFen,
      refundedQty: l.refundedQty,
    })),
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
    version: o.version,
  };
}

/** What the counter collects on verification: the unpaid rest of a pay_at_pickup or cash order. */
export function dueAtCounter(o: Pick<OrderRow, 'paymentMethod' | 'totalFen' | 'paidFen'>): number {
  return o.paymentMethod === 'sandbox' ? 0 : Math.max(0, o.totalFen - o.paidFen);
}
