import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../kernel/clock.js';
import { newId } from '../../kernel/ids.js';
import { makeTenant } from '../../testing/factories.js';
import { createTestDatabase } from '../../testing/test-db.js';
import { findOrCreateCustomerByPhone } from '../customers/index.js';
import { receive } from '../inventory/index.js';
import { createOrder, dropUnpaidUnits, getOrder, holdPresaleLine, markPaid, repriceUnpaidOrder } from './index.js';
import { expectLevel, stockedSku } from './testing.js';

describe('orders: units taken off an unpaid (pay at pickup) order', async () => {
  const database = await createTestDatabase();
  const db = database.db;
  const clock = new ManualClock();

  it('lowers what is owed without any refund, releases the held units, cancels when nothing is left, never touches a paid order', async () => {
    const tenant = await makeTenant(db, { clock });
    const ctx = tenant.ctx();
    const a = await stockedSku(ctx, { priceFen: 1000, qty: 0 });
    const b = await stockedSku(ctx, { priceFen: 500, qty: 0 });
    const { customerId } = await findOrCreateCustomerByPhone(ctx, '13900000002');
    const base = { channel: 'groupbuy' as const, customerId, fulfilment: 'presale' as const, reserveStock: false };
    const o = await createOrder(ctx, { ...base, lines: [{ skuId: a, qty: 3 }, { skuId: b, qty: 1 }], paymentMethod: 'pay_at_pickup' });
    expect(o).toMatchObject({ status: 'pending_payment', totalFen: 3500, payBy: null });
    const [la, lb] = o.lines as [(typeof o.lines)[0], (typeof o.lines)[0]];

    await receive(ctx, { skuId: a, qty: 3 });
    await holdPresaleLine(ctx, o.id, la.id);
    await expectLevel(ctx, a, { onHand: 3, reserved: 3 });

    // one of three held units will not be handed over: released, 1000 less owed, nothing refunded
    const shorter = await dropUnpaidUnits(ctx, o.id, [{ lineId: la.id, qty: 1 }], 'groupbuy_shortage');
    expect(shorter).toMatchObject({ status: 'pending_payment', totalFen: 2500, paidFen: 0, refundedFen: 0, refundState: 'none' });
    expect(shorter.lines[0]).toMatchObject({ qty: 3, refundedQty: 1 });
    await expectLevel(ctx, a, { onHand: 3, reserved: 2 });
    await expect(dropUnpaidUnits(ctx, o.id, [{ lineId: la.id, qty: 3 }], 'x')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });

    // a later reprice counts only the units still owed
    expect((await repriceUnpaidOrder(ctx, o.id, [{ lineId: la.id, unitPriceFen: 800 }], 'ladder')).totalFen).toBe(2 * 800 + 500);

    // everything taken off: the order is cancelled, its stock given back
    const gone = await dropUnpaidUnits(ctx, o.id, [{ lineId: la.id, qty: 2 }, { lineId: lb.id, qty: 1 }], 'groupbuy_shortage');
    expect(gone).toMatchObject({ status: 'cancelled', cancelReason: 'groupbuy_shortage', paidFen: 0 });
    await expectLevel(ctx, a, { onHand: 3, reserved: 0 });

    // a paid order's short units are refunded (refundOrder), never dropped
    const paid = await createOrder(ctx, { ...base, lines: [{ skuId: b, qty: 1 }], paymentMethod: 'sandbox' });
    await markPaid(ctx, { orderId: paid.id, paymentId: newId(), amountFen: paid.totalFen });
    await expect(dropUnpaidUnits(ctx, paid.id, [{ lineId: paid.lines[0]!.id, qty: 1 }], 'x')).rejects.toMatchObject({ code: 'ORDER_STATE_INVALID' });
    expect((await getOrder(ctx, paid.id)).lines[0]).toMatchObject({ refundedQty: 0 });
  });
});
