import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../kernel/clock.js';
import { createTestDatabase } from '../../../testing/test-db.js';
import { getLevels, receive } from '../../inventory/index.js';
import { getOrder } from '../../orders/index.js';
import { runCutoff } from '../cutoff/cutoff-job.js';
import { joinCampaign } from '../join/join-campaign.js';
import { campaignWorld, pay, recordingPayments } from '../testing.js';
import { allocationPorts } from './allocation-ports.js';

const database = await createTestDatabase();
const db = database.db;

describe('allocation ports (procurement receiving → presale orders)', () => {
  it('fills first come, refunds a shortage at the formed price, and marks orders ready only when every line is settled', async () => {
    const clock = new ManualClock();
    const w = await campaignWorld(db, clock, { minKind: 'qty', minValue: 1, item: { priceFen: 1000, tiers: [{ minQty: 3, priceFen: 800 }] } });
    const orders = [];
    for (const qty of [2, 1, 2]) {
      clock.advance(1000);
      const o = await joinCampaign(w.ctx, await w.neighbour(), w.campaign.id, { items: [{ itemId: w.itemId, qty }], paymentMethod: 'sandbox' });
      await pay(w.ctx, o);
      orders.push(o);
    }
    expect(orders.map((o) => o.totalFen)).toEqual([2000, 800, 1600]);
    const payments = recordingPayments();
    clock.set(w.cutoffAt);
    await runCutoff(db, { clock, outboxWake: () => {}, payments: payments.port });
    expect(payments.refunds.map((r) => r.amountFen)).toEqual([400]); // ladder: 2 × (1000 − 800)

    const ports = allocationPorts(payments.port);
    const demand = await ports.listPresaleDemand(w.ctx, w.campaign.id, w.skuId);
    expect(demand.map((d) => [d.orderId, d.qty])).toEqual(orders.map((o) => [o.id, o.lines[0]!.qty]));
    expect((await getLevels(w.ctx, [w.skuId])).get(w.skuId)).toMatchObject({ onHand: 0, reserved: 0 });

    // 4 arrived: A (2) and B (1) filled, C gets 1 of 2
    await receive(w.ctx, { skuId: w.skuId, qty: 4 });
    const [a, b, c] = demand;
    await ports.onFilled(w.ctx, { ...a!, filledQty: 2, missingQty: 0, outcome: 'filled' });
    await ports.onFilled(w.ctx, { ...b!, filledQty: 1, missingQty: 0, outcome: 'filled' });
    await ports.onFilled(w.ctx, { ...c!, filledQty: 1, missingQty: 1, outcome: 'partial' });
    expect((await getOrder(w.ctx, c!.orderId)).status).toBe('paid');
    await ports.onShort(w.ctx, { ...c!, filledQty: 1, missingQty: 1, outcome: 'partial' }, 1);

    for (const o of orders) expect((await getOrder(w.ctx, o.id)).status).toBe('ready_for_pickup');
    const cNow = await getOrder(w.ctx, c!.orderId);
    expect(cNow).toMatchObject({ refundedFen: 800 });
    expect(cNow.lines[0]).toMatchObject({ refundedQty: 1 });
    expect(payments.refunds.map((r) => r.amountFen)).toEqual([400, 800]);
    expect((await getLevels(w.ctx, [w.skuId])).get(w.skuId)).toMatchObject({ onHand: 4, reserved: 4 });
  });
});
