import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { createTestDatabase } from '../../../testing/test-db.js';
import { makeTenant } from '../../../testing/factories.js';
import { getLevels, reserve } from '../../inventory/index.js';
import { movements } from '../../inventory/tables.js';
import { createPurchaseOrdersForCampaign, expectedFromSuppliers, getPurchaseOrder, receivePurchaseOrder, setProcurementSettings } from './index.js';
import { receipts } from './tables.js';
import { makeCatalog, presaleLine, recordingPorts } from './test-helpers.js';

describe('procurement on the database', async () => {
  const database = await createTestDatabase();
  const db = database.db;

  it('builds one PO per supplier, rounded to case packs, and only once per campaign', async () => {
    const t = await makeTenant(db);
    const ctx = t.ctx();
    const c = await makeCatalog(ctx);
    const campaignId = newId();
    const demand = [
      { skuId: c.grapeBox, qty: 20 },
      { skuId: c.grapeBox, qty: 3 },
      { skuId: c.grapeBunch, qty: 7 },
      { skuId: c.eggs, qty: 9 },
    ];
    const first = await createPurchaseOrdersForCampaign(ctx, { campaignId, demand });
    expect(first.created).toBe(2);
    const bySupplier = new Map(first.purchaseOrders.map((p) => [p.supplierName, p]));
    const fruit = await getPurchaseOrder(ctx, bySupplier.get('绿源果蔬')!.id);
    expect(fruit).toMatchObject({ status: 'draft', lossBufferPct: 5, campaignId, supplierId: c.supplier.id });
    // 23 × 1.05 = 24.15 → 3 cases of 12 = 36; 7 × 1.05 = 7.35 → 8 single bunches
    expect(fruit.lines.map((l) => [l.skuId, l.demandQty, l.cases, l.orderedQty])).toEqual([
      [c.grapeBox, 23, 3, 36],
      [c.grapeBunch, 7, 8, 8],
    ]);
    const eggs = await getPurchaseOrder(ctx, bySupplier.get('未指定供应商')!.id);
    expect(eggs.lines[0]).toMatchObject({ demandQty: 9, casePack: 5, cases: 2, orderedQty: 10 });

    // the cut-off job catching up, or the event replayed: nothing new, not even with other input
    const again = await createPurchaseOrdersForCampaign(ctx, { campaignId, demand: [{ skuId: c.eggs, qty: 99 }], lossBufferPct: 0 });
    expect(again.created).toBe(0);
    expect(again.purchaseOrders.map((p) => p.id).sort()).toEqual(first.purchaseOrders.map((p) => p.id).sort());
  });

  it('creates each PO once when two runs for the same campaign race', async () => {
    const t = await makeTenant(db);
    const ctx = t.ctx();
    const c = await makeCatalog(ctx);
    const campaignId = newId();
    const demand = [
      { skuId: c.grapeBox, qty: 5 },
      { skuId: c.eggs, qty: 5 },
    ];
    const runs = await Promise.all([1, 2, 3].map(() => createPurchaseOrdersForCampaign(ctx, { campaignId, demand })));
    expect(runs.reduce((n, r) => n + r.created, 0)).toBe(2);
    for (const r of runs) expect(r.purchaseOrders).toHaveLength(2);
  });

  it('uses the store setting or the per-call buffer, and refuses SKUs of another store', async () => {
    const t = await makeTenant(db);
    const ctx = t.ctx();
    const c = await makeCatalog(ctx);
    await setProcurementSettings(ctx, { lossBufferPct: 0 });
    const noBuffer = await createPurchaseOrdersForCampaign(ctx, { campaignId: newId(), demand: [{ skuId: c.grapeBox, qty: 24 }] });
    expect((await getPurchaseOrder(ctx, noBuffer.purchaseOrders[0]!.id)).lines[0]).toMatchObject({ orderedQty: 24, cases: 2 });
    const perCall = await createPurchaseOrdersForCampaign(ctx, { campaignId: newId(), demand: [{ skuId: c.grapeBox, qty: 24 }], lossBufferPct: 10 });
    expect((await getPurchaseOrder(ctx, perCall.purchaseOrders[0]!.id)).lines[0]).toMatchObject({ bufferQty: 3, orderedQty: 36, cases: 3 });

    const other = await makeTenant(db);
    const theirs = await makeCatalog(other.ctx());
    const err = await createPurchaseOrdersForCampaign(ctx, { campaignId: newId(), demand: [{ skuId: theirs.eggs, qty: 1 }] }).catch((e) => e);
    expect(isAppError(err, 'SKU_NOT_FOUND')).toBe(true);
  });

  it('receives into stock with the PO as reference, allocates first-come, and leaves the surplus on the shelf', async () => {
    const t = await makeTenant(db);
    const ctx = t.ctx();
    const c = await makeCatalog(ctx);
    const campaignId = newId();
    const [early, middle, late] = [presaleLine(10, 1), presaleLine(10, 2), presaleLine(5, 3)];
    const { purchaseOrders } = await createPurchaseOrdersForCampaign(ctx, { campaignId, demand: [{ skuId: c.grapeBox, qty: 25 }] });
    const po = await getPurchaseOrder(ctx, purchaseOrders[0]!.id);
    expect(po.lines[0]!.orderedQty).toBe(36);
    expect((await expectedFromSuppliers(ctx, [c.grapeBox])).get(c.grapeBox)).toBe(36);

    // the supplier sends only 14 of 36; the campaign reserves what it gets (the real ledger)
    const doubles = recordingPorts([late, middle, early], async (tx, lineId, qty) => {
      await reserve(tx, { skuId: c.grapeBox, qty, channel: 'groupbuy', orderLineId: lineId, expiresAt: null });
    });
    const r = await receivePurchaseOrder(ctx, { purchaseOrderId: po.id, lines: [{ poLineId: po.lines[0]!.id, receivedQty: 14 }] }, doubles.ports);
    expect(r.purchaseOrder).toMatchObject({ status: 'partially_received', receivedQty: 14 });
    expect(doubles.filled).toEqual([
      [early.lineId, 10],
      [middle.lineId, 4],
    ]);
    expect(doubles.short).toEqual([
      [middle.lineId, 6],
      [late.lineId, 5],
    ]);
    expect(r.allocations[0]).toMatchObject({ allocatedQty: 14, shortQty: 11, surplusQty: 0, applied: true });
    expect((await expectedFromSuppliers(ctx, [c.grapeBox])).get(c.grapeBox)).toBe(22);

    const [m] = await db.select().from(movements).where(and(eq(movements.storeId, t.storeId), eq(movements.skuId, c.grapeBox), eq(movements.kind, 'receive')));
    expect(m).toMatchObject({ onHandDelta: 14, id: r.lines[0]!.movementId });
    expect(m!.note).toContain(po.number);
    expect((await getLevels(ctx, [c.grapeBox])).get(c.grapeBox)).toEqual({ onHand: 14, reserved: 14, available: 0 });

    // a late second delivery: the allocation was settled once, so it is all surplus for the shelf
    const r2 = await receivePurchaseOrder(ctx, { purchaseOrderId: po.id, lines: [{ poLineId: po.lines[0]!.id, receivedQty: 22 }] }, doubles.ports);
    expect(r2.purchaseOrder.status).toBe('received');
    expect((await expectedFromSuppliers(ctx, [c.grapeBox])).get(c.grapeBox) ?? 0).toBe(0);
    expect(r2.allocations[0]).toMatchObject({ applied: false, allocatedQty: 14 });
    expect(doubles.filled).toHaveLength(2);
    expect((await getLevels(ctx, [c.grapeBox])).get(c.grapeBox)).toEqual({ onHand: 36, reserved: 14, available: 22 });
  });

  it('keeps surplus beyond the allocated demand available, and writes nothing when a port fails', async () => {
    const t = await makeTenant(db);
    const ctx = t.ctx();
    const c = await makeCatalog(ctx);
    const campaignId = newId();
    const { purchaseOrders } = await createPurchaseOrdersForCampaign(ctx, { campaignId, demand: [{ skuId: c.grapeBunch, qty: 4 }] });
    const po = await getPurchaseOrder(ctx, purchaseOrders[0]!.id);
    const lineId = po.lines[0]!.id;

    const failing = recordingPorts([presaleLine(4, 1)], async () => {
      throw new Error('campaign core down');
    });
    await expect(receivePurchaseOrder(ctx, { purchaseOrderId: po.id, lines: [{ poLineId: lineId, receivedQty: 5 }] }, failing.ports)).rejects.toThrow('campaign core down');
    expect(await db.select().from(receipts).where(eq(receipts.poId, po.id))).toHaveLength(0);
    expect((await getLevels(ctx, [c.grapeBunch])).get(c.grapeBunch)?.onHand ?? 0).toBe(0);

    const ok = recordingPorts([presaleLine(4, 1)], async (tx, orderLineId, qty) => {
      await reserve(tx, { skuId: c.grapeBunch, qty, channel: 'groupbuy', orderLineId, expiresAt: null });
    });
    const r = await receivePurchaseOrder(ctx, { purchaseOrderId: po.id, lines: [{ poLineId: lineId, receivedQty: 5 }] }, ok.ports);
    expect(r.allocations[0]).toMatchObject({ allocatedQty: 4, shortQty: 0, surplusQty: 1 });
    // the surplus unit is on the shelf for the POS and the shop
    expect((await getLevels(ctx, [c.grapeBunch])).get(c.grapeBunch)).toEqual({ onHand: 5, reserved: 4, available: 1 });
  });

  it("hides a store's POs from another store, and refuses lines of another PO", async () => {
    const t = await makeTenant(db);
    const c = await makeCatalog(t.ctx());
    const { purchaseOrders } = await createPurchaseOrdersForCampaign(t.ctx(), { campaignId: newId(), demand: [{ skuId: c.eggs, qty: 3 }] });
    const po = await getPurchaseOrder(t.ctx(), purchaseOrders[0]!.id);
    const other = (await makeTenant(db)).ctx();
    expect(isAppError(await getPurchaseOrder(other, po.id).catch((e) => e), 'PURCHASE_ORDER_NOT_FOUND')).toBe(true);
    const steal = await receivePurchaseOrder(other, { purchaseOrderId: po.id, lines: [{ poLineId: po.lines[0]!.id, receivedQty: 5 }] }).catch((e) => e);
    expect(isAppError(steal, 'PURCHASE_ORDER_NOT_FOUND')).toBe(true);
    const wrongLine = await receivePurchaseOrder(t.ctx(), { purchaseOrderId: po.id, lines: [{ poLineId: newId(), receivedQty: 1 }] }).catch((e) => e);
    expect(isAppError(wrongLine, 'PO_LINE_NOT_FOUND')).toBe(true);
    expect((await getLevels(t.ctx(), [c.eggs])).get(c.eggs)?.onHand ?? 0).toBe(0);
  });
});
