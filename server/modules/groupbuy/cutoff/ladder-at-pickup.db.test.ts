import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../kernel/clock.js';
import { createTestDatabase } from '../../../testing/test-db.js';
import { getOrder } from '../../orders/index.js';
import { joinCampaign } from '../join/join-campaign.js';
import { campaignWorld, eventsOf, pay, recordingPayments } from '../testing.js';
import { runCutoff } from './cutoff-job.js';

const database = await createTestDatabase();
const db = database.db;

describe('ladder prices at the cut-off boundary', () => {
  it('a pay-at-pickup order owes the final tier after the group formed cheaper; a join 1 ms before the cut-off counts, the job at cutoff_at − 1 ms does nothing', async () => {
    const clock = new ManualClock();
    const w = await campaignWorld(db, clock, { minKind: 'qty', minValue: 2, item: { priceFen: 1000, tiers: [{ minQty: 3, priceFen: 800 }] } });
    const payments = recordingPayments();
    const deps = { clock, outboxWake: () => {}, payments: payments.port };
    const atPickup = await joinCampaign(w.ctx, await w.neighbour(), w.campaign.id, { items: [{ itemId: w.itemId, qty: 2 }], paymentMethod: 'pay_at_pickup' });
    expect(atPickup.totalFen).toBe(2000); // sold 2: the base price

    clock.set(new Date(w.cutoffAt.getTime() - 1));
    const last = await joinCampaign(w.ctx, await w.neighbour(), w.campaign.id, { items: [{ itemId: w.itemId, qty: 1 }], paymentMethod: 'sandbox' });
    await pay(w.ctx, last);
    expect(last.totalFen).toBe(800); // sold 3: the tier
    expect(await runCutoff(db, deps)).toBe(0);
    expect((await getOrder(w.ctx, atPickup.id)).totalFen).toBe(2000);

    clock.set(w.cutoffAt);
    await Promise.all([runCutoff(db, deps), runCutoff(db, deps)]);
    await runCutoff(db, deps);
    const repriced = await getOrder(w.ctx, atPickup.id);
    expect(repriced).toMatchObject({ status: 'pending_payment', totalFen: 1600, paidFen: 0, refundedFen: 0 });
    expect(repriced.lines[0]).toMatchObject({ qty: 2, unitPriceFen: 800, lineTotalFen: 1600 });
    expect(await eventsOf(db, w.tenant.storeId, 'order.repriced')).toHaveLength(1);
    // the prepaid order already paid the tier: nothing to refund, nobody refunded twice
    expect(payments.refunds).toEqual([]);
    expect((await getOrder(w.ctx, last.id)).status).toBe('paid');
  });
});
