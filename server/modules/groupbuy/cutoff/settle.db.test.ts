import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../kernel/clock.js';
import { createTestDatabase } from '../../../testing/test-db.js';
import { getOrder, type OrderView } from '../../orders/index.js';
import { cancelCampaign } from '../campaigns/close-campaign.js';
import { gbCampaigns, gbEntries } from '../tables.js';
import { joinCampaign } from '../join/join-campaign.js';
import { campaignWorld, counters, eventsOf, HOUR, pay, recordingPayments } from '../testing.js';
import { runCutoff } from './cutoff-job.js';

const database = await createTestDatabase();
const db = database.db;
type World = Awaited<ReturnType<typeof campaignWorld>>;

async function joinAndPay(w: World, qty: number, paid = true, method: 'sandbox' | 'pay_at_pickup' = 'sandbox'): Promise<OrderView> {
  const order = await joinCampaign(w.ctx, await w.neighbour(), w.campaign.id, { items: [{ itemId: w.itemId, qty }], paymentMethod: method });
  if (paid) await pay(w.ctx, order);
  return order;
}

const campaignRow = async (id: string) => (await db.select().from(gbCampaigns).where(eq(gbCampaigns.id, id)))[0]!;

/** refunds per order: each paid order exactly once, in full */
function refundsByOrder(refunds: Array<{ orderId: string; amountFen: number }>) {
  const m = new Map<string, number[]>();
  for (const r of refunds) m.set(r.orderId, [...(m.get(r.orderId) ?? []), r.amountFen]);
  return m;
}

describe('the cut-off job (groupbuy.cutoff)', () => {
  it('a failed group refunds everyone exactly once, even with two runs at the same time', async () => {
    const clock = new ManualClock();
    const w = await campaignWorld(db, clock, { minKind: 'buyers', minValue: 10 });
    const paid = [await joinAndPay(w, 1), await joinAndPay(w, 2), await joinAndPay(w, 1)];
    const unpaid = await joinAndPay(w, 1, false);
    const atPickup = await joinAndPay(w, 1, false, 'pay_at_pickup');
    const payments = recordingPayments();
    const deps = { clock, outboxWake: () => {}, payments: payments.port };

    expect(await runCutoff(db, deps)).toBe(0); // not due yet
    clock.set(w.cutoffAt);
    await Promise.all([runCutoff(db, deps), runCutoff(db, deps)]);
    await runCutoff(db, deps);

    const by = refundsByOrder(payments.refunds);
    expect(by.size).toBe(3);
    for (const o of paid) {
      expect(by.get(o.id)).toEqual([o.totalFen]);
      expect((await getOrder(w.ctx, o.id)).status).toBe('refunded');
    }
    expect((await getOrder(w.ctx, unpaid.id)).status).toBe('cancelled');
    expect((await getOrder(w.ctx, atPickup.id)).status).toBe('cancelled');
    const c = await campaignRow(w.campaign.id);
    expect(c.status).toBe('failed');
    expect(c.settledAt).not.toBeNull();
    expect((await counters(db, w.itemId)).sold).toBe(0);
    expect(await eventsOf(db, w.tenant.storeId, 'groupbuy.campaign_failed')).toHaveLength(1);
    expect(await eventsOf(db, w.tenant.storeId, 'groupbuy.campaign_formed')).toHaveLength(0);
  });

  it('a run that crashes halfway is finished by the next one, no refund twice; failed refunds stay queued', async () => {
    const clock = new ManualClock();
    const w = await campaignWorld(db, clock, { minKind: 'qty', minValue: 100 });
    const paid = [];
    for (let i = 0; i < 5; i++) paid.push(await joinAndPay(w, 1));
    const payments = recordingPayments('failed');
    clock.set(new Date(w.cutoffAt.getTime() + HOUR));
    const crash = (n: number) => {
      if (n === 2) throw new Error('power cut');
    };
    // 2 orders per transaction: the crash comes after the first chunk has committed
    await expect(runCutoff(db, { clock, outboxWake: () => {}, payments: payments.port, afterEntry: crash, chunk: 2 })).rejects.toThrow('power cut');
    expect(payments.refunds.length).toBe(2);
    expect((await campaignRow(w.campaign.id)).settledAt).toBeNull();

    await runCutoff(db, { clock, outboxWake: () => {}, payments: payments.port });
    await runCutoff(db, { clock, outboxWake: () => {}, payments: payments.port });
    const by = refundsByOrder(payments.refunds);
    expect(payments.refunds.length).toBe(5);
    for (const o of paid) expect(by.get(o.id)).toEqual([o.totalFen]);
    expect((await campaignRow(w.campaign.id)).settledAt).not.toBeNull();
  });

  it('a formed ladder group keeps its orders paid and refunds the difference to the final tier', async () => {
    const clock = new ManualClock();
    const w = await campaignWorld(db, clock, { minKind: 'qty', minValue: 3, item: { priceFen: 1000, tiers: [{ minQty: 4, priceFen: 800 }] } });
    const a = await joinAndPay(w, 2); // sold 2 → 1000
    const b = await joinAndPay(w, 1); // sold 3 → 1000
    const c = await joinAndPay(w, 1); // sold 4 → 800 (the tier reached)
    const unpaid = await joinAndPay(w, 1, false); // cancelled at cut-off, so not counted
    expect([a.totalFen, b.totalFen, c.totalFen]).toEqual([2000, 1000, 800]);
    const payments = recordingPayments();
    clock.set(w.cutoffAt);
    await Promise.all([runCutoff(db, { clock, outboxWake: () => {}, payments: payments.port }), runCutoff(db, { clock, outboxWake: () => {}, payments: payments.port })]);

    expect((await campaignRow(w.campaign.id)).status).toBe('formed');
    const by = refundsByOrder(payments.refunds);
    expect(by.get(a.id)).toEqual([400]);
    expect(by.get(b.id)).toEqual([200]);
    expect(by.has(c.id)).toBe(false);
    // every entry is settled: c (already at the final tier) in bulk, a and b with their refunds
    const entries = await db.select().from(gbEntries).where(eq(gbEntries.campaignId, w.campaign.id));
    expect(entries.filter((e) => e.active).map((e) => e.settled)).toEqual([true, true, true]);
    for (const o of [a, b, c]) expect((await getOrder(w.ctx, o.id)).status).toBe('paid');
    expect((await getOrder(w.ctx, unpaid.id)).status).toBe('cancelled');
    const formed = await eventsOf(db, w.tenant.storeId, 'groupbuy.campaign_formed');
    expect(formed).toHaveLength(1);
    expect(formed[0]!.payload).toMatchObject({ campaignId: w.campaign.id, demand: [{ skuId: w.skuId, qty: 4 }] });
  });

  it('cancelling a campaign refunds every order in full once', async () => {
    const clock = new ManualClock();
    const w = await campaignWorld(db, clock);
    const paid = [await joinAndPay(w, 1), await joinAndPay(w, 2)];
    const payments = recordingPayments();
    const view = await cancelCampaign(w.ctx, w.campaign.id, w.tenant.slug, payments.port);
    expect(view.status).toBe('cancelled');
    await cancelCampaign(w.ctx, w.campaign.id, w.tenant.slug, payments.port);
    await runCutoff(db, { clock, outboxWake: () => {}, payments: payments.port });
    const by = refundsByOrder(payments.refunds);
    for (const o of paid) expect(by.get(o.id)).toEqual([o.totalFen]);
    expect(payments.refunds.length).toBe(2);
    await expect(joinAndPay(w, 1)).rejects.toMatchObject({ code: 'CAMPAIGN_NOT_OPEN' });
  });

  it('an order whose refund cannot be promised does not hold up the others and is tried again on the next run', async () => {
    const clock = new ManualClock();
    const w = await campaignWorld(db, clock, { minKind: 'buyers', minValue: 10 });
    const paid = [await joinAndPay(w, 1), await joinAndPay(w, 1), await joinAndPay(w, 1)];
    const payments = recordingPayments();
    payments.refuse.add(paid[0]!.id);
    clock.set(w.cutoffAt);
    await expect(runCutoff(db, { clock, outboxWake: () => {}, payments: payments.port })).rejects.toMatchObject({ code: 'REFUND_EXCEEDS_PAID' });
    expect(payments.refunds.map((r) => r.orderId).sort()).toEqual([paid[1]!.id, paid[2]!.id].sort());
    expect(payments.attempted).toHaveLength(2); // asked of the provider once committed
    expect((await campaignRow(w.campaign.id)).settledAt).toBeNull();
    // left exactly as it was: still paid, still holding its place in the group
    expect((await getOrder(w.ctx, paid[0]!.id)).status).toBe('paid');
    expect((await counters(db, w.itemId)).sold).toBe(1);

    payments.refuse.clear();
    await runCutoff(db, { clock, outboxWake: () => {}, payments: payments.port });
    const by = refundsByOrder(payments.refunds);
    for (const o of paid) expect(by.get(o.id)).toEqual([o.totalFen]);
    expect((await getOrder(w.ctx, paid[0]!.id)).status).toBe('refunded');
    expect((await counters(db, w.itemId)).sold).toBe(0);
    expect((await campaignRow(w.campaign.id)).settledAt).not.toBeNull();
  });
});
