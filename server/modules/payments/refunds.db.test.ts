import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { inTx } from '../../db/tx.js';
import { MINUTE } from '../../kernel/clock.js';
import { newId } from '../../kernel/ids.js';
import { outboxEvents } from '../../events/tables.js';
import { paymentsKit, signedNotification } from './payments.testkit.js';
import { payments as paymentRows, refunds as refundRows } from './tables.js';

describe('refunds: never more than paid; failures wait in a visible retry queue', async () => {
  const kit = await paymentsKit();
  const { payments } = kit;

  /** an order paid through the sandbox: start → signed notification */
  const paidOrder = async (amountFen: number, ctx = kit.ctx) => {
    const orderId = newId();
    const p = await payments.startPayment(ctx, { orderId, amountFen, provider: 'sandbox' });
    const n = signedNotification({ paymentId: p.paymentId, amountFen });
    await payments.handleSandboxNotification(n.body, n.signature);
    return { orderId, paymentId: p.paymentId };
  };
  const refund = (orderId: string, amountFen: number, idemKey = newId(), ctx = kit.ctx) =>
    payments.requestRefund(ctx, { orderId, amountFen, reason: '缺货', idemKey });
  const refundRow = async (id: string) => (await kit.database.db.select().from(refundRows).where(eq(refundRows.id, id)))[0]!;

  it('refunds part, then the rest, and refuses one fen more', async () => {
    const { orderId, paymentId } = await paidOrder(1000);
    await expect(refund(orderId, 600)).resolves.toMatchObject({ status: 'succeeded' });
    await expect(refund(orderId, 500)).rejects.toMatchObject({ code: 'REFUND_EXCEEDS_PAID', details: { refundableFen: 400 } });
    const last = await refund(orderId, 400);
    expect(last.status).toBe('succeeded');
    await expect(refund(orderId, 1)).rejects.toMatchObject({ code: 'REFUND_EXCEEDS_PAID', details: { refundableFen: 0 } });
    const [p] = await kit.database.db.select().from(paymentRows).where(eq(paymentRows.id, paymentId));
    expect(p!.refundedFen).toBe(1000);
    expect(kit.refunded.filter((r) => r.orderId === orderId).map((r) => r.amountFen)).toEqual([600, 400]);
  });

  it('refuses a refund of an order that paid nothing', async () => {
    const orderId = newId();
    await payments.startPayment(kit.ctx, { orderId, amountFen: 500, provider: 'sandbox' });
    await expect(refund(orderId, 1)).rejects.toMatchObject({ code: 'REFUND_EXCEEDS_PAID' });
  });

  it('lets concurrent refund requests take at most what was paid', async () => {
    const { orderId, paymentId } = await paidOrder(1000);
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => refund(orderId, 300)));
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected');
    expect(ok).toHaveLength(3);
    for (const r of refused) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'REFUND_EXCEEDS_PAID' });
    const rows = await payments.listRefunds(kit.ctx, { orderId });
    expect(rows.reduce((s, r) => s + r.amountFen, 0)).toBe(900);
    const [p] = await kit.database.db.select().from(paymentRows).where(eq(paymentRows.id, paymentId));
    expect(p!.refundedFen).toBe(900);
  });

  it('answers a repeated request with the same refund, and refuses the key for another one', async () => {
    const { orderId } = await paidOrder(800);
    const key = newId();
    const [a, b] = await Promise.all([refund(orderId, 300, key), refund(orderId, 300, key)]);
    expect(b.refundId).toBe(a.refundId);
    await expect(refund(orderId, 300, key)).resolves.toEqual({ refundId: a.refundId, status: 'succeeded' });
    await expect(refund(orderId, 200, key)).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await payments.listRefunds(kit.ctx, { orderId })).toHaveLength(1);
    expect(kit.refunded.filter((r) => r.refundId === a.refundId)).toHaveLength(1);
  });

  it('keeps a failed refund in the queue and the job retries it with backoff until it goes through', async () => {
    const { orderId } = await paidOrder(1500);
    payments.sandbox.failRefunds = true;
    try {
      const r = await refund(orderId, 1500);
      expect(r.status).toBe('failed');
      const queued = await payments.listRefunds(kit.ctx, { status: 'failed' });
      const mine = queued.find((q) => q.id === r.refundId)!;
      expect(mine).toMatchObject({ attempts: 1, lastError: expect.stringContaining('sandbox'), amountFen: 1500 });
      expect(new Date(mine.nextAttemptAt!).getTime()).toBe(kit.clock.now().getTime() + MINUTE);
      expect(kit.refunded.filter((x) => x.refundId === r.refundId)).toEqual([]);
      const failed = await kit.database.db.select().from(outboxEvents).where(eq(outboxEvents.type, 'refund.failed'));
      expect(failed.some((e) => (e.payload as { refundId: string }).refundId === r.refundId)).toBe(true);
      // the money stays promised to it: no second refund can take it meanwhile
      await expect(refund(orderId, 1)).rejects.toMatchObject({ code: 'REFUND_EXCEEDS_PAID' });

      await payments.retryDueRefunds(); // not due yet
      expect((await refundRow(r.refundId)).attempts).toBe(1);
      kit.clock.advance(MINUTE);
      await payments.retryDueRefunds(); // due, still failing → next in 5 min
      const again = await refundRow(r.refundId);
      expect(again).toMatchObject({ status: 'failed', attempts: 2 });
      expect(again.nextAttemptAt!.getTime()).toBe(kit.clock.now().getTime() + 5 * MINUTE);

      payments.sandbox.failRefunds = false;
      kit.clock.advance(5 * MINUTE);
      await payments.retryDueRefunds();
      expect(await refundRow(r.refundId)).toMatchObject({ status: 'succeeded', attempts: 3, lastError: null, nextAttemptAt: null });
      expect(kit.refunded.filter((x) => x.refundId === r.refundId)).toEqual([{ orderId, refundId: r.refundId, amountFen: 1500 }]);
      expect((await payments.listRefunds(kit.ctx, { status: 'failed' })).map((q) => q.id)).not.toContain(r.refundId);
      kit.clock.advance(60 * MINUTE);
      await payments.retryDueRefunds();
      expect(kit.refunded.filter((x) => x.refundId === r.refundId)).toHaveLength(1);
    } finally {
      payments.sandbox.failRefunds = false;
    }
  });

  it('retries by hand at once, only within the store', async () => {
    const { orderId } = await paidOrder(900);
    payments.sandbox.setFailRefunds(kit.tenant.storeId, true);
    const r = await refund(orderId, 900);
    expect(r.status).toBe('failed');
    const other = await kit.newTenant();
    await expect(payments.retryRefund(other.ctx(), r.refundId)).rejects.toMatchObject({ code: 'REFUND_NOT_FOUND' });
    expect((await payments.listRefunds(other.ctx(), {})).map((x) => x.id)).not.toContain(r.refundId);
    payments.sandbox.setFailRefunds(kit.tenant.storeId, false);
    await expect(payments.retryRefund(kit.ctx, r.refundId)).resolves.toMatchObject({ status: 'succeeded', attempts: 2 });
    await expect(payments.retryRefund(kit.ctx, r.refundId)).resolves.toMatchObject({ status: 'succeeded', attempts: 2 });
    expect(kit.refunded.filter((x) => x.refundId === r.refundId)).toHaveLength(1);
  });

  it('records counter payments and hands cash back at once', async () => {
    const orderId = newId();
    const { paymentId } = await payments.recordCounterPayment(kit.ctx, { orderId, amountFen: 4200 });
    expect(await payments.listPayments(kit.ctx, orderId)).toEqual([
      expect.objectContaining({ id: paymentId, provider: 'pay_at_pickup', status: 'succeeded', amountFen: 4200 }),
    ]);
    await expect(refund(orderId, 4200)).resolves.toMatchObject({ status: 'succeeded' });
  });

  it('joins the caller\'s transaction: the caller rolling back undoes the refund', async () => {
    const { orderId, paymentId } = await paidOrder(600);
    await expect(
      inTx(kit.ctx, async (tx) => {
        await refund(orderId, 600, newId(), tx);
        throw new Error('the order failed after asking');
      }),
    ).rejects.toThrow('the order failed');
    expect(await payments.listRefunds(kit.ctx, { orderId })).toEqual([]);
    const [p] = await kit.database.db.select().from(paymentRows).where(eq(paymentRows.id, paymentId));
    expect(p!.refundedFen).toBe(0);
    await expect(inTx(kit.ctx, (tx) => refund(orderId, 600, newId(), tx))).resolves.toMatchObject({ status: 'succeeded' });
  });
});
