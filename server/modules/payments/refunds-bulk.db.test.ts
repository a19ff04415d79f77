import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { inTx } from '../../db/tx.js';
import { newId } from '../../kernel/ids.js';
import { paymentsKit, signedNotification } from './payments.testkit.js';
import { payments as paymentRows, refunds as refundRows } from './tables.js';

describe('refunds in bulk (requestRefunds, then attemptRefunds after commit)', async () => {
  const kit = await paymentsKit();
  const { payments } = kit;
  const db = kit.database.db;

  const paidOrder = async (amountFen: number) => {
    const orderId = newId();
    const p = await payments.startPayment(kit.ctx, { orderId, amountFen, provider: 'sandbox' });
    const n = signedNotification({ paymentId: p.paymentId, amountFen });
    await payments.handleSandboxNotification(n.body, n.signature);
    return { orderId, paymentId: p.paymentId, amountFen };
  };
  const ask = (list: Array<{ orderId: string; amountFen: number }>) =>
    inTx(kit.ctx, (tx) => payments.requestRefunds(tx, list.map((i) => ({ ...i, reason: '未成团', idemKey: newId() }))));

  it('records pending refunds without calling the provider, then pays each once; refused ones wait in the retry queue', async () => {
    const orders = [await paidOrder(1000), await paidOrder(2590), await paidOrder(399)];
    const unpaid = newId();
    const asked = await ask([...orders, { orderId: unpaid, amountFen: 100 }]);
    expect(asked.map((a) => a?.status ?? null)).toEqual(['pending', 'pending', 'pending', null]);
    const ids = asked.filter((a) => a).map((a) => a!.refundId);
    const rows = await db.select().from(refundRows).where(inArray(refundRows.id, ids));
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([['pending', 0], ['pending', 0], ['pending', 0]]);
    expect(kit.refunded).toEqual([]);
    // the money is promised at once: the same amount cannot be promised twice
    expect(await ask([{ orderId: orders[0]!.orderId, amountFen: 1 }])).toEqual([null]);

    payments.sandbox.setFailRefunds(kit.tenant.storeId, true);
    expect(await payments.attemptRefunds(kit.ctx, ids)).toEqual({ succeeded: 0, failed: 3 });
    const failed = await db.select().from(refundRows).where(inArray(refundRows.id, ids));
    for (const r of failed) expect(r).toMatchObject({ status: 'failed', attempts: 1, lastError: 'sandbox: refunds are set to fail' });
    expect(failed.every((r) => r.nextAttemptAt!.getTime() > kit.clock.now().getTime())).toBe(true);

    payments.sandbox.setFailRefunds(kit.tenant.storeId, false);
    expect(await payments.attemptRefunds(kit.ctx, ids)).toEqual({ succeeded: 3, failed: 0 });
    // asked again: nothing left to do, the order side heard of each refund once
    expect(await payments.attemptRefunds(kit.ctx, ids)).toEqual({ succeeded: 0, failed: 0 });
    expect(kit.refunded.map((r) => r.amountFen).sort((a, b) => a - b)).toEqual([399, 1000, 2590]);
    const done = await db.select().from(refundRows).where(inArray(refundRows.id, ids));
    for (const r of done) expect(r).toMatchObject({ status: 'succeeded', attempts: 2, lastError: null, nextAttemptAt: null });
    for (const o of orders) {
      const [p] = await db.select().from(paymentRows).where(eq(paymentRows.id, o.paymentId));
      expect(p!.refundedFen).toBe(o.amountFen);
    }
    await expect(inTx(kit.ctx, (tx) => payments.attemptRefunds(tx, ids))).rejects.toThrow(/committed/);
  });

  it('a bulk claim racing single refunds of the same payments never promises more than was paid', async () => {
    const orders = await Promise.all(Array.from({ length: 20 }, () => paidOrder(1000)));
    const single = orders.map((o) => payments.requestRefund(kit.ctx, { orderId: o.orderId, amountFen: 700, reason: '随时退', idemKey: newId() }));
    const bulk = ask(orders.map((o) => ({ orderId: o.orderId, amountFen: 700 })));
    const [s, b] = [await Promise.allSettled(single), await bulk];
    for (const [k, o] of orders.entries()) {
      // 700 + 700 > 1000: exactly one of the two got it
      const got = (s[k]!.status === 'fulfilled' ? 1 : 0) + (b[k] ? 1 : 0);
      expect(got, o.orderId).toBe(1);
      const [p] = await db.select().from(paymentRows).where(eq(paymentRows.id, o.paymentId));
      expect(p!.refundedFen).toBe(700);
    }
  });
});
