import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../kernel/clock.js';
import { newId } from '../../kernel/ids.js';
import { makeTenant } from '../../testing/factories.js';
import { createTestDatabase } from '../../testing/test-db.js';
import { findOrCreateCustomerByPhone } from '../customers/index.js';
import { receive } from '../inventory/index.js';
import { cancelOrder, createOrder, holdPresaleLine, markPaid } from './index.js';
import { expectLevel, recordingPayments, stockedSku } from './testing.js';

describe('orders: presale without reservations (reserveStock: false)', async () => {
  const database = await createTestDatabase();
  const db = database.db;
  const clock = new ManualClock();

  it('reserves nothing for goods not yet on the shelf, takes the payment, and cancels cleanly', async () => {
    const tenant = await makeTenant(db, { clock });
    const ctx = tenant.ctx();
    const skuId = await stockedSku(ctx, { priceFen: 1250, qty: 0 });
    const { customerId } = await findOrCreateCustomerByPhone(ctx, '13900000001');
    const base = { channel: 'groupbuy' as const, customerId, lines: [{ skuId, qty: 3, unitPriceFen: 990 }], paymentMethod: 'sandbox' as const, fulfilment: 'presale' as const };

    // on-hand 0: a reserving order is refused, a presale order is taken
    await expect(createOrder(ctx, base)).rejects.toMatchObject({ code: 'INSUFFICIENT_STOCK' });
    const o = await createOrder(ctx, { ...base, reserveStock: false });
    expect(o).toMatchObject({ status: 'pending_payment', totalFen: 2970, fulfilment: 'presale' });
    await expectLevel(ctx, skuId, { onHand: 0, reserved: 0 });

    await markPaid(ctx, { orderId: o.id, paymentId: newId(), amountFen: 2970 });
    await expectLevel(ctx, skuId, { onHand: 0, reserved: 0 });

    // the goods arrive (receiving): the line is held for pickup, once
    await expect(holdPresaleLine(ctx, o.id, o.lines[0]!.id)).rejects.toMatchObject({ code: 'INSUFFICIENT_STOCK' });
    await receive(ctx, { skuId, qty: 5 });
    expect(await holdPresaleLine(ctx, o.id, o.lines[0]!.id)).toEqual({ allHeld: true });
    expect(await holdPresaleLine(ctx, o.id, o.lines[0]!.id)).toEqual({ allHeld: true });
    await expectLevel(ctx, skuId, { onHand: 5, reserved: 3 });

    const pay = recordingPayments();
    const cancelled = await cancelOrder(ctx, o.id, 'customer_cancelled', pay.port);
    expect(cancelled.status).toBe('refunded');
    expect(pay.calls.refunds).toEqual([expect.objectContaining({ orderId: o.id, amountFen: 2970 })]);
    await expectLevel(ctx, skuId, { onHand: 5, reserved: 0 });
  });
});
