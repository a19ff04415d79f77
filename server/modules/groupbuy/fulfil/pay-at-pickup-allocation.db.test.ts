import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../kernel/clock.js';
import { createTestDatabase } from '../../../testing/test-db.js';
import { createProduct } from '../../catalog/index.js';
import { getLevels, receive } from '../../inventory/index.js';
import { getOrder, verifyPickup } from '../../orders/index.js';
import { createCampaign } from '../campaigns/create-campaign.js';
import { runCutoff } from '../cutoff/cutoff-job.js';
import { joinCampaign } from '../join/join-campaign.js';
import { allocateReceived } from '../procurement/use-cases/allocate-received.js';
import { campaignWorld, pay, recordingPayments } from '../testing.js';
import { allocationPorts } from './allocation-ports.js';

const database = await createTestDatabase();
const db = database.db;

describe('receiving for a campaign with a pay-at-pickup (到店付) order', () => {
  it('fills paid and pay-at-pickup orders first come; a shortage refunds the paid one and lowers what the unpaid one owes', async () => {
    const clock = new ManualClock();
    const w = await campaignWorld(db, clock, { minKind: 'qty', minValue: 1 });
    const berry = (await createProduct(w.ctx, { name: '丹东草莓', skus: [{ spec: '500g', unit: '盒', priceFen: 3000 }] })).skus[0]!.id;
    const peach = w.skuId;
    // a two-item campaign: peaches 1000, 800 once 3 are sold; strawberries 500
    const c = await createCampaign(
      w.ctx,
      {
        title: '水果接龙',
        status: 'open',
        openAt: new Date(clock.now().getTime() - 1000).toISOString(),
        cutoffAt: w.cutoffAt.toISOString(),
        pickupDate: w.campaign.pickupDate,
        minKind: 'qty',
        minValue: 1,
        items: [
          { skuId: peach, priceFen: 1000, tiers: [{ minQty: 3, priceFen: 800 }] },
          { skuId: berry, priceFen: 500 },
        ],
      },
      w.tenant.slug,
    );
    const itemOf = (skuId: string) => c.items.find((i) => i.skuId === skuId)!.id;
    const items = [
      { itemId: itemOf(peach), qty: 2 },
      { itemId: itemOf(berry), qty: 1 },
    ];
    clock.advance(1000);
    const paid = await joinCampaign(w.ctx, await w.neighbour(), c.id, { items, paymentMethod: 'sandbox' });
    await pay(w.ctx, paid);
    clock.advance(1000);
    const atPickup = await joinCampaign(w.ctx, await w.neighbour(), c.id, { items, paymentMethod: 'pay_at_pickup' });
    expect([paid.totalFen, atPickup.totalFen]).toEqual([2 * 1000 + 500, 2 * 800 + 500]);
    expect(atPickup).toMatchObject({ status: 'pending_payment', payBy: null });

    const payments = recordingPayments();
    const ports = allocationPorts(payments.port);
    clock.set(w.cutoffAt);
    await runCutoff(db, { clock, outboxWake: () => {}, payments: payments.port });
    expect(payments.refunds).toEqual([expect.objectContaining({ orderId: paid.id, amountFen: 400 })]); // ladder: 2 × (1000 − 800)
    // both wait for the goods, in join order
    expect((await ports.listPresaleDemand(w.ctx, c.id, peach)).map((d) => [d.orderId, d.qty])).toEqual([
      [paid.id, 2],
      [atPickup.id, 2],
    ]);

    // 3 of 4 peaches arrive: the paid order 2, the pay-at-pickup one 1 of 2
    await receive(w.ctx, { skuId: peach, qty: 3 });
    const peaches = await allocateReceived(w.ctx, { campaignId: c.id, skuId: peach, receivedQty: 3 }, ports);
    expect(peaches.lines.map((l) => [l.orderId, l.filledQty, l.missingQty])).toEqual([
      [paid.id, 2, 0],
      [atPickup.id, 1, 1],
    ]);
    expect(await getOrder(w.ctx, atPickup.id)).toMatchObject({ status: 'pending_payment', totalFen: 800 + 500, paidFen: 0, refundedFen: 0 });
    // no strawberry arrives: each order is short its one
    const berries = await allocateReceived(w.ctx, { campaignId: c.id, skuId: berry, receivedQty: 0 }, ports);
    expect(berries.lines.map((l) => [l.orderId, l.missingQty])).toEqual([
      [paid.id, 1],
      [atPickup.id, 1],
    ]);

    // the paid order: the missing strawberry refunded, the rest held and ready
    expect(payments.refunds.map((r) => [r.orderId, r.amountFen])).toEqual([
      [paid.id, 400],
      [paid.id, 500],
    ]);
    const paidNow = await getOrder(w.ctx, paid.id);
    expect(paidNow).toMatchObject({ status: 'ready_for_pickup', paidFen: 2500, refundedFen: 900, refundState: 'partial' });
    expect(paidNow.lines.map((l) => [l.skuId, l.qty, l.refundedQty])).toEqual([
      [peach, 2, 0],
      [berry, 1, 1],
    ]);
    // the pay-at-pickup order: nothing refunded, it owes only the peach that came
    const unpaid = await getOrder(w.ctx, atPickup.id);
    expect(unpaid).toMatchObject({ status: 'ready_for_pickup', totalFen: 800, paidFen: 0, refundedFen: 0, refundState: 'none' });
    expect(unpaid.lines.map((l) => [l.skuId, l.qty, l.refundedQty])).toEqual([
      [peach, 2, 1],
      [berry, 1, 1],
    ]);
    expect((await getLevels(w.ctx, [peach])).get(peach)).toMatchObject({ onHand: 3, reserved: 3 });

    // at the counter the neighbour pays the new total for the one peach
    const v = await verifyPickup(w.ctx, { code: unpaid.pickupCode, requestId: 'counter-0001' }, payments.port);
    expect(v.verification.collectedFen).toBe(800);
    expect(v.order).toMatchObject({ status: 'picked_up', totalFen: 800, paidFen: 800, refundedFen: 0 });
    expect((await getLevels(w.ctx, [peach])).get(peach)).toMatchObject({ onHand: 2, reserved: 2 });
    expect(payments.refunds).toHaveLength(2);
  });
});
