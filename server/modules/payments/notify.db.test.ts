import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { inTx } from '../../db/tx.js';
import { MINUTE } from '../../kernel/clock.js';
import type { Ctx } from '../../kernel/ctx.js';
import { testDbKind } from '../../testing/test-db-env.js';
import { AppError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { outboxEvents } from '../../events/tables.js';
import { paymentsKit, signedNotification } from './payments.testkit.js';
import { paymentNotifications, payments as paymentRows } from './tables.js';

describe('sandbox payments: confirm → signed notification → paid', async () => {
  const kit = await paymentsKit();
  const { payments } = kit;

  const start = async (amountFen = 2590, ctx = kit.ctx) => {
    const orderId = newId();
    const p = await payments.startPayment(ctx, { orderId, amountFen, provider: 'sandbox' });
    return { orderId, ...p };
  };
  const statusOf = async (id: string) => (await kit.database.db.select().from(paymentRows).where(eq(paymentRows.id, id)))[0]!;
  const paidCalls = (paymentId: string) => kit.paid.filter((p) => p.paymentId === paymentId).length;
  const notify = (body: string, signature?: string) => payments.handleSandboxNotification(body, signature);

  it('marks the payment succeeded and tells the order once, after the wallet delivers', async () => {
    const p = await start(2590);
    expect(p.confirmToken).toBeTruthy();
    expect((await statusOf(p.paymentId)).confirmTokenHash).not.toContain(p.confirmToken!);
    await payments.wallet.confirm(p.paymentId, p.confirmToken!);
    await payments.wallet.idle();
    const row = await statusOf(p.paymentId);
    expect(row.status).toBe('succeeded');
    expect(kit.paid.filter((c) => c.paymentId === p.paymentId)).toEqual([{ orderId: p.orderId, paymentId: p.paymentId, amountFen: 2590 }]);
    const events = await kit.database.db.select().from(outboxEvents).where(eq(outboxEvents.type, 'payment.succeeded'));
    expect(events.some((e) => (e.payload as { paymentId: string }).paymentId === p.paymentId)).toBe(true);
  });

  it('refuses a tampered body or another secret, changes nothing, and logs the attempt', async () => {
    const p = await start(1000);
    const good = signedNotification({ paymentId: p.paymentId, amountFen: 1000 });
    const tampered = good.body.replace('"amountFen":1000', '"amountFen":1');
    await expect(notify(tampered, good.signature)).rejects.toMatchObject({ code: 'PAYMENT_SIGNATURE_INVALID' });
    const forged = signedNotification({ paymentId: p.paymentId, amountFen: 1000 }, 'not-the-secret-0123456789');
    await expect(notify(forged.body, forged.signature)).rejects.toMatchObject({ code: 'PAYMENT_SIGNATURE_INVALID' });
    await expect(notify(good.body, undefined)).rejects.toMatchObject({ code: 'PAYMENT_SIGNATURE_INVALID' });
    expect((await statusOf(p.paymentId)).status).toBe('created');
    expect(paidCalls(p.paymentId)).toBe(0);
    const logged = await kit.database.db.select().from(paymentNotifications).where(eq(paymentNotifications.signatureOk, false));
    expect(logged.filter((l) => l.rawBody.includes(p.paymentId))).toHaveLength(3);
    // a forged notification does not claim its notify id: the genuine one still goes through
    await expect(notify(good.body, good.signature)).resolves.toEqual({ outcome: 'processed' });
  });

  it('processes a replayed notification once, also when the replays arrive together', async () => {
    const p = await start(1500);
    const n = signedNotification({ paymentId: p.paymentId, amountFen: 1500 });
    const outcomes = await Promise.all(Array.from({ length: 8 }, () => notify(n.body, n.signature)));
    expect(outcomes.filter((o) => o.outcome === 'processed')).toHaveLength(1);
    expect(outcomes.filter((o) => o.outcome === 'duplicate')).toHaveLength(7);
    await expect(notify(n.body, n.signature)).resolves.toEqual({ outcome: 'duplicate' });
    expect(paidCalls(p.paymentId)).toBe(1);
    const logged = await kit.database.db.select().from(paymentNotifications).where(eq(paymentNotifications.paymentId, p.paymentId));
    expect(logged).toHaveLength(1);
  });

  it('processes different notifications of the same payment once, also concurrently', async () => {
    const p = await start(1800);
    const ns = Array.from({ length: 6 }, () => signedNotification({ paymentId: p.paymentId, amountFen: 1800 }));
    const outcomes = await Promise.all(ns.map((n) => notify(n.body, n.signature)));
    expect(outcomes.filter((o) => o.outcome === 'processed')).toHaveLength(1);
    expect(paidCalls(p.paymentId)).toBe(1);
    expect((await statusOf(p.paymentId)).status).toBe('succeeded');
  });

  it('refuses a notification whose amount differs, logs it, and still takes the right one', async () => {
    const p = await start(990);
    const wrong = signedNotification({ paymentId: p.paymentId, amountFen: 9 });
    await expect(notify(wrong.body, wrong.signature)).rejects.toMatchObject({ code: 'PAYMENT_AMOUNT_MISMATCH' });
    await expect(notify(wrong.body, wrong.signature)).rejects.toMatchObject({ code: 'PAYMENT_AMOUNT_MISMATCH' });
    expect((await statusOf(p.paymentId)).status).toBe('created');
    expect(paidCalls(p.paymentId)).toBe(0);
    const [log] = await kit.database.db.select().from(paymentNotifications).where(eq(paymentNotifications.paymentId, p.paymentId));
    expect(log).toMatchObject({ outcome: 'amount_mismatch', signatureOk: true, storeId: kit.tenant.storeId });
    const right = signedNotification({ paymentId: p.paymentId, amountFen: 990 });
    await expect(notify(right.body, right.signature)).resolves.toEqual({ outcome: 'processed' });
  });

  it('refunds a payment the order refuses (cancelled meanwhile) and undoes what the order wrote', async () => {
    const p = await start(3000);
    kit.onPaid = async (ctx) => {
      await ctx.db.insert(outboxEvents).values({ orgId: ctx.orgId, storeId: ctx.storeId, type: 'test.half-written', payload: {} });
      throw new AppError('ORDER_STATE_INVALID', { from: 'cancelled', to: 'paid' });
    };
    try {
      const n = signedNotification({ paymentId: p.paymentId, amountFen: 3000 });
      await expect(notify(n.body, n.signature)).resolves.toEqual({ outcome: 'processed' });
    } finally {
      kit.onPaid = async (_ctx, x) => void kit.paid.push(x);
    }
    const row = await statusOf(p.paymentId);
    expect(row).toMatchObject({ status: 'succeeded', refundedFen: 3000 });
    const refunds = await payments.listRefunds(kit.ctx, { orderId: p.orderId });
    expect(refunds).toEqual([expect.objectContaining({ amountFen: 3000, status: 'succeeded', source: 'rejected_payment', paymentId: p.paymentId })]);
    // the order never counted this money, so it hears nothing of its refund
    expect(kit.refunded.filter((r) => r.orderId === p.orderId)).toEqual([]);
    expect(await kit.database.db.select().from(outboxEvents).where(eq(outboxEvents.type, 'test.half-written'))).toEqual([]);
    await expect(payments.requestRefund(kit.ctx, { orderId: p.orderId, amountFen: 1, reason: 'x', idemKey: newId() })).rejects.toMatchObject({
      code: 'REFUND_EXCEEDS_PAID',
    });
  });

  it('rolls everything back when the order side fails unexpectedly, so a later notification succeeds', async () => {
    const p = await start(700);
    const n = signedNotification({ paymentId: p.paymentId, amountFen: 700 });
    kit.onPaid = async () => {
      throw new Error('database hiccup');
    };
    try {
      await expect(notify(n.body, n.signature)).rejects.toThrow('database hiccup');
    } finally {
      kit.onPaid = async (_ctx, x) => void kit.paid.push(x);
    }
    expect((await statusOf(p.paymentId)).status).toBe('created');
    await expect(notify(n.body, n.signature)).resolves.toEqual({ outcome: 'processed' });
    expect(paidCalls(p.paymentId)).toBe(1);
  });

  it('keeps the confirm token one-time: a wrong token is refused, a second tap sends nothing new', async () => {
    const p = await start(500);
    await expect(payments.wallet.confirm(p.paymentId, 'x'.repeat(32))).rejects.toMatchObject({ code: 'PAYMENT_NOT_FOUND' });
    const before = kit.deliveries.length;
    await payments.wallet.confirm(p.paymentId, p.confirmToken!);
    await payments.wallet.idle();
    await expect(payments.wallet.confirm(p.paymentId, p.confirmToken!)).resolves.toMatchObject({ status: 'processing' });
    await payments.wallet.idle();
    expect(kit.deliveries.length - before).toBe(1);
    expect(paidCalls(p.paymentId)).toBe(1);
  });

  it('closes the older open payment when the order starts paying again', async () => {
    const first = await start(800);
    const second = await payments.startPayment(kit.ctx, { orderId: first.orderId, amountFen: 800, provider: 'sandbox' });
    expect((await statusOf(first.paymentId)).status).toBe('closed');
    await expect(payments.wallet.confirm(first.paymentId, first.confirmToken!)).rejects.toMatchObject({ code: 'PAYMENT_STATE_INVALID' });
    await payments.wallet.confirm(second.paymentId, second.confirmToken!);
    await payments.wallet.idle();
    expect((await statusOf(second.paymentId)).status).toBe('succeeded');
  });

  // PGlite runs one transaction at a time, so only PostgreSQL can interleave these two
  it.skipIf(testDbKind() === 'pglite')('does not deadlock when the order starts paying again while its old payment is being confirmed', async () => {
    const first = await start(100);
    // stands in for the order row: markPaid and startOrderPayment both lock it
    const lockOrder = (c: Ctx) => c.db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${first.orderId}, 0))`);
    let entered!: () => void;
    let open!: () => void;
    const inside = new Promise<void>((r) => (entered = r));
    const gate = new Promise<void>((r) => (open = r));
    kit.onPaid = async (c, x) => {
      entered();
      await gate;
      await lockOrder(c);
      kit.paid.push(x);
    };
    try {
      const n = signedNotification({ paymentId: first.paymentId, amountFen: 100 });
      const notifying = notify(n.body, n.signature); // holds the payment row, then wants the order
      await inside;
      const restarting = inTx(kit.ctx, async (tx) => {
        await lockOrder(tx); // holds the order, then touches the order's open payments
        open();
        return payments.startPayment(tx, { orderId: first.orderId, amountFen: 100, provider: 'sandbox' });
      });
      const [done, second] = await Promise.all([notifying, restarting]);
      expect(done.outcome).toBe('processed');
      expect((await statusOf(first.paymentId)).status).toBe('succeeded');
      expect((await statusOf(second.paymentId)).status).toBe('created');
    } finally {
      kit.onPaid = async (_ctx, x) => void kit.paid.push(x);
    }
  });

  it('retries delivery with the same notify id until the store acknowledges', async () => {
    const p = await start(1200);
    let fails = 2;
    const real = kit.transport;
    kit.transport = async (req) => (fails-- > 0 ? { status: 503 } : real(req));
    try {
      await payments.wallet.confirm(p.paymentId, p.confirmToken!);
      await payments.wallet.idle();
    } finally {
      kit.transport = real;
    }
    const mine = kit.deliveries.filter((d) => d.body.includes(p.paymentId));
    expect(mine.map((d) => d.status)).toEqual([503, 503, 200]);
    expect(new Set(mine.map((d) => JSON.parse(d.body).notifyId)).size).toBe(1);
    expect((await statusOf(p.paymentId)).status).toBe('succeeded');
  });

  it('sends a fresh notification for a confirmed payment left unpaid (outage, restart)', async () => {
    const p = await start(1300);
    const real = kit.transport;
    kit.transport = async () => {
      throw new Error('ECONNREFUSED');
    };
    try {
      await payments.wallet.confirm(p.paymentId, p.confirmToken!);
      await payments.wallet.idle();
    } finally {
      kit.transport = real;
    }
    expect((await statusOf(p.paymentId)).status).toBe('created');
    kit.clock.advance(3 * MINUTE);
    await payments.wallet.redeliverStale();
    await payments.wallet.idle();
    expect((await statusOf(p.paymentId)).status).toBe('succeeded');
    expect(paidCalls(p.paymentId)).toBe(1);
  });

  it('offers no prepay for pay at pickup, and refuses an unknown payment', async () => {
    await expect(payments.startPayment(kit.ctx, { orderId: newId(), amountFen: 100, provider: 'pay_at_pickup' })).rejects.toMatchObject({
      code: 'PAYMENT_METHOD_UNAVAILABLE',
    });
    const n = signedNotification({ paymentId: newId(), amountFen: 100 });
    await expect(notify(n.body, n.signature)).rejects.toMatchObject({ code: 'PAYMENT_NOT_FOUND' });
    const logged = await kit.database.db.select().from(paymentNotifications).where(eq(paymentNotifications.outcome, 'unknown_payment'));
    expect(logged.some((l) => l.rawBody === n.body)).toBe(true);
  });
});
