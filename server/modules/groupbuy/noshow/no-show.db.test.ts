import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../kernel/clock.js';
import type { Ctx } from '../../../kernel/ctx.js';
import { createTestDatabase } from '../../../testing/test-db.js';
import { updateProduct } from '../../catalog/index.js';
import { creditOf } from '../../customers/index.js';
import { getLevels, receive } from '../../inventory/index.js';
import { movements } from '../../inventory/tables.js';
import { notificationTables } from '../../notifications/index.js';
import { getOrder, holdPresaleLine, markReady, type OrderView } from '../../orders/index.js';
import { runCutoff } from '../cutoff/cutoff-job.js';
import { joinCampaign } from '../join/join-campaign.js';
import { gbNoShows } from '../tables.js';
import { campaignWorld, pay, recordingPayments } from '../testing.js';
import { listNoShows } from './list-no-shows.js';
import { runNoShows } from './no-show-job.js';
import { noShowTimes } from './schedule.js';

const database = await createTestDatabase();
const db = database.db;
type World = Awaited<ReturnType<typeof campaignWorld>>;

async function join(w: World, qty: number, method: 'sandbox' | 'pay_at_pickup'): Promise<OrderView> {
  const o = await joinCampaign(w.ctx, await w.neighbour(), w.campaign.id, { items: [{ itemId: w.itemId, qty }], paymentMethod: method });
  if (method === 'sandbox') await pay(w.ctx, o);
  return o;
}

/** The goods arrived: stock received, each line held for its order, the order ready. */
async function arrive(ctx: Ctx, skuId: string, orders: OrderView[]) {
  await receive(ctx, { skuId, qty: orders.reduce((s, o) => s + o.lines[0]!.qty, 0) });
  for (const o of orders) {
    await holdPresaleLine(ctx, o.id, o.lines[0]!.id);
    await markReady(ctx, o.id);
  }
}

const sent = async (storeId: string, template: string) =>
  (await db.select().from(notificationTables.messages).where(and(eq(notificationTables.messages.storeId, storeId), eq(notificationTables.messages.template, template)))).length;
const releasesOf = async (orderId: string) => (await db.select().from(movements).where(and(eq(movements.orderId, orderId), eq(movements.kind, 'release')))).length;

describe('the 未提货 ladder (groupbuy.no-show)', () => {
  it('reminds on the pickup evening, then closes: refund or store credit per product, unpaid cancelled, stock released — each once despite double runs and a crash', async () => {
    const clock = new ManualClock();
    const refundWorld = await campaignWorld(db, clock);
    const creditWorld = await campaignWorld(db, clock);
    const credited = await join(creditWorld, 1, 'sandbox');
    await updateProduct(creditWorld.ctx, credited.lines[0]!.productId, { noShowPolicy: 'store_credit' });
    const refunded = await join(refundWorld, 2, 'sandbox');
    const unpaid = await join(refundWorld, 1, 'pay_at_pickup');
    const payments = recordingPayments();
    const deps = { clock, outboxWake: () => {}, payments: payments.port };

    clock.set(refundWorld.cutoffAt);
    await runCutoff(db, deps);
    await arrive(refundWorld.ctx, refundWorld.skuId, [refunded, unpaid]);
    await arrive(creditWorld.ctx, creditWorld.skuId, [credited]);
    expect((await getLevels(refundWorld.ctx, [refundWorld.skuId])).get(refundWorld.skuId)).toMatchObject({ onHand: 3, reserved: 3, available: 0 });

    const { remindAt, closeAt } = noShowTimes(refundWorld.campaign.pickupDate, 2, 'Asia/Shanghai');
    clock.set(new Date(remindAt.getTime() - 1));
    expect(await runNoShows(db, deps)).toBe(0);
    const steps = async () => (await listNoShows(refundWorld.ctx)).map((v) => [v.orderId, v.step, v.outcome]).sort();
    expect(await steps()).toEqual([[refunded.id, 'waiting', null], [unpaid.id, 'waiting', null]].sort());
    clock.set(remindAt);
    await Promise.all([runNoShows(db, deps), runNoShows(db, deps)]);
    await runNoShows(db, deps);
    expect(await sent(refundWorld.tenant.storeId, 'pickup_reminder')).toBe(2);
    expect(await sent(creditWorld.tenant.storeId, 'pickup_reminder')).toBe(1);
    expect(await steps()).toEqual([[refunded.id, 'reminded', null], [unpaid.id, 'reminded', null]].sort());

    clock.set(new Date(closeAt.getTime() - 1));
    await runNoShows(db, deps);
    expect((await getOrder(refundWorld.ctx, refunded.id)).status).toBe('ready_for_pickup');
    clock.set(closeAt);
    const crash = (n: number) => {
      if (n === 1) throw new Error('power cut');
    };
    await expect(runNoShows(db, { ...deps, afterStep: crash })).rejects.toThrow('power cut');
    await Promise.all([runNoShows(db, deps), runNoShows(db, deps)]);
    await runNoShows(db, deps);

    // refund policy: the paid order refunded in full exactly once; the unpaid one cancelled
    expect(payments.refunds.filter((r) => r.orderId === refunded.id).map((r) => r.amountFen)).toEqual([refunded.totalFen]);
    expect(await getOrder(refundWorld.ctx, refunded.id)).toMatchObject({ status: 'refunded', refundedFen: refunded.totalFen });
    expect(await getOrder(refundWorld.ctx, unpaid.id)).toMatchObject({ status: 'cancelled', cancelReason: 'no_show' });
    // store-credit policy: no refund, the money kept as credit once
    expect(payments.refunds.some((r) => r.orderId === credited.id)).toBe(false);
    expect(await getOrder(creditWorld.ctx, credited.id)).toMatchObject({ status: 'cancelled', cancelReason: 'no_show_store_credit', refundedFen: 0 });
    const credit = await creditOf(creditWorld.ctx, credited.customerId!);
    expect(credit.balanceFen).toBe(credited.totalFen);
    expect(credit.entries).toHaveLength(1);
    // the held stock is back on sale through release movements, one per order
    for (const o of [refunded, unpaid, credited]) expect(await releasesOf(o.id)).toBe(1);
    expect((await getLevels(refundWorld.ctx, [refundWorld.skuId])).get(refundWorld.skuId)).toMatchObject({ onHand: 3, reserved: 0, available: 3 });
    expect((await getLevels(creditWorld.ctx, [creditWorld.skuId])).get(creditWorld.skuId)).toMatchObject({ onHand: 1, reserved: 0, available: 1 });
    const rows = await db.select().from(gbNoShows).where(eq(gbNoShows.storeId, refundWorld.tenant.storeId));
    expect(rows.map((r) => [r.orderId, r.step, r.outcome]).sort()).toEqual(
      [
        [refunded.id, 'closed', 'refund'],
        [unpaid.id, 'closed', 'cancelled_unpaid'],
      ].sort(),
    );
    expect(await sent(creditWorld.tenant.storeId, 'no_show_closed')).toBe(1);
    expect((await listNoShows(creditWorld.ctx, 'closed'))[0]).toMatchObject({ orderId: credited.id, outcome: 'store_credit', creditFen: credited.totalFen, refundFen: 0 });
    expect(await sent(refundWorld.tenant.storeId, 'no_show_closed')).toBe(2);
  });
});

