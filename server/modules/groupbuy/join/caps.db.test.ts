import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../kernel/clock.js';
import { isAppError } from '../../../kernel/errors.js';
import { createTestDatabase } from '../../../testing/test-db.js';
import { getOrder } from '../../orders/index.js';
import { gbEntries, gbSlots } from '../tables.js';
import { campaignWorld, counters, pay, recordingPayments } from '../testing.js';
import { joinCampaign } from './join-campaign.js';
import { cancelMyEntry, withdrawEntry } from './withdraw-entry.js';

const database = await createTestDatabase({ poolSize: 20 });
const db = database.db;

describe('joins under caps (接龙)', () => {
  it('1,000 concurrent joins on a 300-unit cap with 限购 2 never oversell nor break a cap', async () => {
    const clock = new ManualClock();
    const w = await campaignWorld(db, clock, { item: { totalCap: 300, perPersonCap: 2 } });
    const people = [];
    for (let i = 0; i < 250; i++) people.push(await w.neighbour());
    // 250 neighbours × 4 tries of 1 unit: demand 1,000; the per-person cap allows 500, the total 300
    const tries = people.flatMap((p) => [p, p, p, p]).sort(() => Math.random() - 0.5);
    const results = await Promise.allSettled(
      tries.map((p) => joinCampaign(w.ctx, p, w.campaign.id, { items: [{ itemId: w.itemId, qty: 1 }], paymentMethod: 'sandbox' })),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    for (const r of results) {
      if (r.status === 'rejected' && !isAppError(r.reason, 'CAMPAIGN_SOLD_OUT') && !isAppError(r.reason, 'CAMPAIGN_PERSON_LIMIT')) throw r.reason;
    }
    const c = await counters(db, w.itemId);
    expect(c.sold).toBe(300);
    expect(ok.length).toBe(300);
    expect(Math.max(...c.people.values())).toBeLessThanOrEqual(2);
    expect([...c.people.values()].reduce((s, q) => s + q, 0)).toBe(300);
    const entries = await db.select().from(gbEntries).where(eq(gbEntries.campaignId, w.campaign.id));
    expect(entries.length).toBe(300);
    const perCustomer = new Map<string, number>();
    for (const e of entries) perCustomer.set(e.customerId, (perCustomer.get(e.customerId) ?? 0) + e.lines[0]!.qty);
    expect(Math.max(...perCustomer.values())).toBeLessThanOrEqual(2);
  });

  it('a slot never takes more orders than its capacity', async () => {
    const clock = new ManualClock();
    const w = await campaignWorld(db, clock, { slots: [{ label: '明天 17:00-19:00', capacity: 5 }] });
    const slotId = (await db.select().from(gbSlots).where(eq(gbSlots.campaignId, w.campaign.id)))[0]!.id;
    const people = [];
    for (let i = 0; i < 20; i++) people.push(await w.neighbour());
    const results = await Promise.allSettled(
      people.map((p) => joinCampaign(w.ctx, p, w.campaign.id, { items: [{ itemId: w.itemId, qty: 1 }], slotId, paymentMethod: 'pay_at_pickup' })),
    );
    expect(results.filter((r) => r.status === 'fulfilled').length).toBe(5);
    expect(results.filter((r) => r.status === 'rejected').every((r) => isAppError(r.reason, 'CAMPAIGN_SLOT_FULL'))).toBe(true);
    const [slot] = await db.select().from(gbSlots).where(eq(gbSlots.id, slotId));
    expect(slot!.booked).toBe(5);
  });

  it('refuses at cutoff_at with a clear code and accepts 1 ms before; nothing before open_at', async () => {
    const clock = new ManualClock();
    const w = await campaignWorld(db, clock);
    const p = await w.neighbour();
    const join = () => joinCampaign(w.ctx, p, w.campaign.id, { items: [{ itemId: w.itemId, qty: 1 }], paymentMethod: 'sandbox' });
    clock.set(new Date(w.cutoffAt.getTime() - 1));
    await expect(join()).resolves.toMatchObject({ channel: 'groupbuy', fulfilment: 'presale' });
    clock.set(w.cutoffAt);
    await expect(join()).rejects.toMatchObject({ code: 'CAMPAIGN_CUTOFF_PASSED' });
    clock.set(new Date(w.cutoffAt.getTime() + 1));
    await expect(join()).rejects.toMatchObject({ code: 'CAMPAIGN_CUTOFF_PASSED' });
    clock.set(new Date(new Date(w.campaign.openAt).getTime() - 1));
    await expect(join()).rejects.toMatchObject({ code: 'CAMPAIGN_NOT_OPEN' });
    expect((await counters(db, w.itemId)).sold).toBe(1);
  });

  it('随时退 gives the caps back exactly once and refunds in full', async () => {
    const clock = new ManualClock();
    const w = await campaignWorld(db, clock, { item: { totalCap: 2, perPersonCap: 2 }, slots: [{ label: 'A', capacity: 1 }] });
    const slotId = (await db.select().from(gbSlots).where(eq(gbSlots.campaignId, w.campaign.id)))[0]!.id;
    const p = await w.neighbour();
    const payments = recordingPayments();
    const order = await joinCampaign(w.ctx, p, w.campaign.id, { items: [{ itemId: w.itemId, qty: 2 }], slotId, paymentMethod: 'sandbox' });
    await pay(w.ctx, order);
    const other = await w.neighbour();
    await expect(
      joinCampaign(w.ctx, other, w.campaign.id, { items: [{ itemId: w.itemId, qty: 1 }], slotId, paymentMethod: 'sandbox' }),
    ).rejects.toMatchObject({ code: 'CAMPAIGN_SOLD_OUT' });

    const cancelled = await cancelMyEntry(w.ctx, p, w.campaign.id, order.id, payments.port);
    expect(cancelled.status).toBe('refunded');
    expect(payments.refunds).toEqual([expect.objectContaining({ orderId: order.id, amountFen: 2 * 3990 })]);
    let c = await counters(db, w.itemId);
    expect(c.sold).toBe(0);
    expect(c.people.get(p)).toBe(0);
    expect((await db.select().from(gbSlots).where(eq(gbSlots.id, slotId)))[0]!.booked).toBe(0);

    // again: the order is closed, and the caps are not given back twice
    await expect(cancelMyEntry(w.ctx, p, w.campaign.id, order.id, payments.port)).rejects.toMatchObject({ code: 'ORDER_STATE_INVALID' });
    expect(await withdrawEntry(w.ctx, order.id)).toBe(false);
    c = await counters(db, w.itemId);
    expect(c.sold).toBe(0);
    expect(payments.refunds.length).toBe(1);

    // someone else cannot withdraw my order
    const again = await joinCampaign(w.ctx, other, w.campaign.id, { items: [{ itemId: w.itemId, qty: 2 }], slotId, paymentMethod: 'sandbox' });
    await expect(cancelMyEntry(w.ctx, p, w.campaign.id, again.id, payments.port)).rejects.toMatchObject({ code: 'ORDER_NOT_FOUND' });
    expect((await getOrder(w.ctx, again.id)).status).toBe('pending_payment');
    expect((await counters(db, w.itemId)).sold).toBe(2);
  });
});
