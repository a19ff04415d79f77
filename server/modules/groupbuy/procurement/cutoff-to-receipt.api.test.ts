import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { newId } from '../../../kernel/ids.js';
import { createTestApp } from '../../../testing/api.js';
import { makeTenant, TEST_PASSWORD } from '../../../testing/factories.js';
import { createProduct } from '../../catalog/index.js';
import { findOrCreateCustomerByPhone } from '../../customers/index.js';
import { getLevels } from '../../inventory/index.js';
import { getOrder, type OrderView } from '../../orders/index.js';
import { createSession } from '../../tenancy/index.js';
import { createCampaign } from '../campaigns/create-campaign.js';
import { runCutoff } from '../cutoff/cutoff-job.js';
import { joinCampaign } from '../join/join-campaign.js';
import { HOUR } from '../testing.js';
import type { PurchaseOrderSummary, PurchaseOrderView } from './contract.js';
import { setProcurementSettings } from './use-cases/set-procurement-settings.js';

/**
 * The campaign core's cut-off → groupbuy.campaign_formed → POs → xlsx → receiving into stock →
 * allocation to the paid presale orders, with every payment and refund through the real
 * sandbox payments (as in production: app.ts wires procurement's allocation ports).
 */
describe('from the cut-off to the goods on the shelf', async () => {
  const t = await createTestApp();

  it('a formed campaign becomes a PO that is downloaded and received; the goods fill the orders first come, a shortage is refunded', async () => {
    const tenant = await makeTenant(t.database.db, { clock: t.clock });
    const ctx = tenant.ctx();
    const peach = (await createProduct(ctx, { name: '阳山水蜜桃', skus: [{ spec: '6只装', unit: '盒', priceFen: 5000 }] })).skus[0]!.id;
    const berry = (await createProduct(ctx, { name: '丹东草莓', skus: [{ spec: '500g', unit: '盒', priceFen: 3000 }] })).skus[0]!.id;
    const now = t.clock.now().getTime();
    // 阶梯团: the peaches form at 3590 once 5 are sold
    const campaign = await createCampaign(
      ctx,
      {
        title: '水蜜桃接龙',
        status: 'open',
        openAt: new Date(now - HOUR).toISOString(),
        cutoffAt: new Date(now + HOUR).toISOString(),
        pickupDate: new Date(now + 30 * HOUR).toISOString().slice(0, 10),
        minKind: 'buyers',
        minValue: 2,
        items: [
          { skuId: peach, priceFen: 3990, tiers: [{ minQty: 5, priceFen: 3590 }] },
          { skuId: berry, priceFen: 2500 },
        ],
      },
      tenant.slug,
    );
    const itemOf = (skuId: string) => campaign.items.find((i) => i.skuId === skuId)!.id;
    await setProcurementSettings(ctx, { lossBufferPct: 10 });

    // three neighbours join and pay through the sandbox wallet: pay route → confirm → signed notification
    const orders: OrderView[] = [];
    for (const [i, items] of [
      [{ itemId: itemOf(peach), qty: 2 }, { itemId: itemOf(berry), qty: 1 }],
      [{ itemId: itemOf(peach), qty: 1 }],
      [{ itemId: itemOf(peach), qty: 2 }, { itemId: itemOf(berry), qty: 1 }],
    ].entries()) {
      const { customerId } = await findOrCreateCustomerByPhone(ctx, `1390000${String(i).padStart(4, '0')}`);
      const session = await createSession(t.database.db, { kind: 'customer', orgId: tenant.orgId, storeId: tenant.storeId, subjectId: customerId, now: t.clock.now() });
      t.clock.advance(1000);
      const order = await joinCampaign(ctx, customerId, campaign.id, { items, paymentMethod: 'sandbox' });
      const pay = await t.app.inject({
        method: 'POST',
        url: `/api/shop/${tenant.slug}/orders/${order.id}/pay`,
        headers: { cookie: `linli_shop=${session.token}`, 'x-linli-csrf': '1', 'idempotency-key': newId() },
      });
      expect(pay.statusCode, pay.body).toBe(200);
      const { paymentId, confirmToken } = pay.json();
      const confirm = await t.app.inject({ method: 'POST', url: '/api/payments/sandbox/confirm', headers: { 'x-linli-csrf': '1' }, payload: { paymentId, confirmToken } });
      expect(confirm.statusCode, confirm.body).toBe(200);
      await t.payments.wallet.idle();
      expect(await getOrder(ctx, order.id)).toMatchObject({ status: 'paid', paidFen: order.totalFen });
      orders.push(order);
    }
    const [a, b, c] = orders as [OrderView, OrderView, OrderView];
    // joined at the price of the tier reached then: the first two before 5 were sold
    expect(orders.map((o) => o.totalFen)).toEqual([2 * 3990 + 2500, 3990, 2 * 3590 + 2500]);

    t.clock.set(new Date(campaign.cutoffAt));
    const deps = { clock: t.clock, outboxWake: t.dispatcher.wake, payments: t.payments };
    await runCutoff(t.database.db, deps);
    await runCutoff(t.database.db, deps); // the job running again changes nothing
    await t.dispatcher.drain();
    await t.payments.wallet.idle();
    // formed at 3590: the ladder difference goes back to the early joiners
    const refundedAtCutoff = new Map<string, number>();
    for (const o of orders) refundedAtCutoff.set(o.id, (await getOrder(ctx, o.id)).refundedFen);
    expect([...refundedAtCutoff.values()]).toEqual([2 * 400, 400, 0]);

    const cookie = await t.loginStaff(tenant.ownerLogin, TEST_PASSWORD);
    const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
    const list = (await get(`/api/console/purchase-orders?campaignId=${campaign.id}`)).json() as PurchaseOrderSummary[];
    expect(list).toHaveLength(1);
    const po = (await get(`/api/console/purchase-orders/${list[0]!.id}`)).json() as PurchaseOrderView;
    const lineOf = (skuId: string) => po.lines.find((l) => l.skuId === skuId)!;
    // peaches: 5 sold × 1.1 = 5.5 → 6; strawberries: 2 × 1.1 = 2.2 → 3 (case pack 1)
    expect(lineOf(peach)).toMatchObject({ demandQty: 5, bufferQty: 1, orderedQty: 6 });
    expect(lineOf(berry)).toMatchObject({ demandQty: 2, bufferQty: 1, orderedQty: 3 });

    const xlsx = await get(`/api/console/purchase-orders/${po.id}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0]!;
    const values = Array.from({ length: ws.rowCount }, (_, i) => (ws.getRow(i + 1).values as unknown[]).slice(1));
    expect(values.find((r) => r[1] === '阳山水蜜桃')!.slice(1, 9)).toEqual(['阳山水蜜桃', '6只装', '盒', 5, 1, 1, 6, 6]);

    // 4 of 6 peaches arrive (A 2 and B 1 filled, C gets 1 of 2); all 3 strawberries arrive (1 beyond demand)
    const receipt = await t.app.inject({
      method: 'POST',
      url: `/api/console/purchase-orders/${po.id}/receipts`,
      headers: { cookie, 'x-linli-csrf': '1', 'idempotency-key': 'delivery-0001' },
      payload: {
        lines: [
          { poLineId: lineOf(peach).id, receivedQty: 4, note: '少到2盒' },
          { poLineId: lineOf(berry).id, receivedQty: 3 },
        ],
      },
    });
    expect(receipt.statusCode, receipt.body).toBe(200);
    expect(receipt.json().purchaseOrder).toMatchObject({ status: 'partially_received', receivedQty: 7 });
    await t.dispatcher.drain();
    await t.payments.wallet.idle();

    // every order holds what arrived for it and is ready to pick up
    for (const o of [a, b, c]) expect((await getOrder(ctx, o.id)).status).toBe('ready_for_pickup');
    expect((await getOrder(ctx, a.id)).refundedFen).toBe(refundedAtCutoff.get(a.id));
    expect((await getOrder(ctx, b.id)).refundedFen).toBe(refundedAtCutoff.get(b.id));
    // C: exactly the missing peach refunded, at the price the group formed at
    const short = await getOrder(ctx, c.id);
    expect(short.refundedFen - refundedAtCutoff.get(c.id)!).toBe(3590);
    expect(short.lines.find((l) => l.skuId === peach)).toMatchObject({ qty: 2, refundedQty: 1 });
    expect(short.lines.find((l) => l.skuId === berry)).toMatchObject({ qty: 1, refundedQty: 0 });
    expect(short).toMatchObject({ paidFen: c.totalFen, refundState: 'partial' });

    // the stock: the filled units reserved for the orders, the surplus strawberry on the shelf for anyone
    const levels = await getLevels(ctx, [peach, berry]);
    expect(levels.get(peach)).toEqual({ onHand: 4, reserved: 4, available: 0 });
    expect(levels.get(berry)).toEqual({ onHand: 3, reserved: 2, available: 1 });

    // the same delivery posted again changes nothing (idempotency key)
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/console/purchase-orders/${po.id}/receipts`,
      headers: { cookie, 'x-linli-csrf': '1', 'idempotency-key': 'delivery-0001' },
      payload: {
        lines: [
          { poLineId: lineOf(peach).id, receivedQty: 4, note: '少到2盒' },
          { poLineId: lineOf(berry).id, receivedQty: 3 },
        ],
      },
    });
    expect(again.statusCode).toBe(200);
    await t.payments.wallet.idle();
    expect((await getOrder(ctx, c.id)).refundedFen).toBe(short.refundedFen);
    expect((await getLevels(ctx, [peach])).get(peach)).toEqual({ onHand: 4, reserved: 4, available: 0 });
  });
});
