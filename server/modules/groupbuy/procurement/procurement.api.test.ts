import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { inTx } from '../../../db/tx.js';
import { emit } from '../../../events/emit.js';
import { newId } from '../../../kernel/ids.js';
import { createTestApp } from '../../../testing/api.js';
import { makeTenant, TEST_PASSWORD } from '../../../testing/factories.js';
import { getLevels } from '../../inventory/index.js';
import { receipts } from './tables.js';
import { makeCatalog } from './test-helpers.js';
import type { PurchaseOrderSummary, PurchaseOrderView } from './contract.js';

describe('purchase orders console API', async () => {
  const t = await createTestApp();
  const tenant = await makeTenant(t.database.db, { outboxWake: t.dispatcher.wake });
  const ctx = tenant.ctx();
  const owner = await t.loginStaff(tenant.ownerLogin, TEST_PASSWORD);
  const clerk = await t.loginStaff((await tenant.addStaff('staff')).login, TEST_PASSWORD);
  const stranger = await makeTenant(t.database.db);
  const outsider = await t.loginStaff(stranger.ownerLogin, TEST_PASSWORD);
  const get = (url: string, cookie = owner) => t.app.inject({ method: 'GET', url, headers: { cookie } });
  const post = (url: string, payload: object, key?: string, cookie = owner) =>
    t.app.inject({ method: 'POST', url, headers: { cookie, 'x-linli-csrf': '1', ...(key ? { 'idempotency-key': key } : {}) }, payload });

  /** the campaign core's cut-off emits campaign_formed; the subscription builds the POs */
  async function formCampaign(demand: Array<{ skuId: string; qty: number }>) {
    const campaignId = newId();
    await inTx(ctx, (tx) => emit(tx, 'groupbuy.campaign_formed', { campaignId, demand: demand.map((d) => ({ ...d, supplierId: null })) }));
    await t.dispatcher.drain();
    const list = await get(`/api/console/purchase-orders?campaignId=${campaignId}`);
    expect(list.statusCode).toBe(200);
    return { campaignId, pos: list.json() as PurchaseOrderSummary[] };
  }

  it('builds POs from a formed campaign and serves them as an xlsx with Chinese headers', async () => {
    const c = await makeCatalog(ctx);
    const { pos } = await formCampaign([
      { skuId: c.grapeBox, qty: 23 },
      { skuId: c.grapeBunch, qty: 7 },
    ]);
    expect(pos).toHaveLength(1);
    const po = (await get(`/api/console/purchase-orders/${pos[0]!.id}`)).json() as PurchaseOrderView;
    expect(po).toMatchObject({ supplierName: '绿源果蔬', status: 'draft', orderedQty: 44 });

    const res = await get(`/api/console/purchase-orders/${po.id}.xlsx`, clerk);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(`${po.number}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([po.number]);
    const ws = wb.worksheets[0]!;
    const rows = Array.from({ length: ws.rowCount }, (_, i) => (ws.getRow(i + 1).values as unknown[]).slice(1));
    const h = rows.findIndex((r) => r[0] === '供应商');
    expect(rows[h]).toEqual(['供应商', '商品', '规格', '单位', '需求数量', '损耗预留', '箱规', '箱数', '订货数量', '单价(元)', '备注']);
    expect(rows[h + 1]!.slice(0, 9)).toEqual(['绿源果蔬', '阳光玫瑰葡萄', '500g/盒', '盒', 23, 2, 12, 3, 36]);
    expect(rows[h + 2]!.slice(0, 9)).toEqual(['绿源果蔬', '阳光玫瑰葡萄', '单串', '串', 7, 1, 1, 8, 8]);
    expect(rows[h + 3]![0]).toBe('合计');
    expect(rows[h + 3]![8]).toBe(44);
    expect(JSON.stringify(rows.slice(0, h))).toContain(po.number);
    expect(JSON.stringify(rows.slice(0, h))).toContain('测试门店');
    // printable: A4, one page wide, header row bold and frozen
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1 });
    expect(ws.getRow(h + 1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: h + 1 });

    const html = await get(`/api/console/purchase-orders/${po.id}/print`);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body).toContain('<th>箱数</th>');
    expect(html.body).toContain(po.number);
  });

  it('marks a PO sent (owner or manager only) and builds a campaign workbook with a sheet per PO', async () => {
    const c = await makeCatalog(ctx);
    const { campaignId, pos } = await formCampaign([
      { skuId: c.grapeBox, qty: 5 },
      { skuId: c.eggs, qty: 5 },
    ]);
    expect(pos).toHaveLength(2);
    expect((await post(`/api/console/purchase-orders/${pos[0]!.id}/send`, {}, undefined, clerk)).statusCode).toBe(403);
    const sent = await post(`/api/console/purchase-orders/${pos[0]!.id}/send`, {});
    expect(sent.json()).toMatchObject({ status: 'sent' });
    expect((await post(`/api/console/purchase-orders/${pos[0]!.id}/send`, {})).json()).toMatchObject({ status: 'sent' });

    const res = await get(`/api/console/purchase-orders.xlsx?campaignId=${campaignId}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name).sort()).toEqual(pos.map((p) => p.number).sort());
  });

  it('records a receipt once per Idempotency-Key and puts the goods on hand', async () => {
    const c = await makeCatalog(ctx);
    const { pos } = await formCampaign([{ skuId: c.eggs, qty: 9 }]);
    const po = (await get(`/api/console/purchase-orders/${pos[0]!.id}`)).json() as PurchaseOrderView;
    const body = { lines: [{ poLineId: po.lines[0]!.id, receivedQty: 10, note: '整箱到货' }] };
    const first = await post(`/api/console/purchase-orders/${po.id}/receipts`, body, 'receipt-key-0001', clerk);
    expect(first.statusCode).toBe(200);
    expect(first.json().purchaseOrder).toMatchObject({ status: 'received', receivedQty: 10 });
    const again = await post(`/api/console/purchase-orders/${po.id}/receipts`, body, 'receipt-key-0001', clerk);
    expect(again.json()).toEqual(first.json());
    const reused = await post(`/api/console/purchase-orders/${po.id}/receipts`, { lines: [{ poLineId: po.lines[0]!.id, receivedQty: 3 }] }, 'receipt-key-0001');
    expect([reused.statusCode, reused.json().code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    expect((await post(`/api/console/purchase-orders/${po.id}/receipts`, body)).json().code).toBe('IDEMPOTENCY_KEY_REQUIRED');
    expect(await t.database.db.select().from(receipts).where(eq(receipts.poId, po.id))).toHaveLength(1);
    expect((await getLevels(ctx, [c.eggs])).get(c.eggs)).toEqual({ onHand: 10, reserved: 0, available: 10 });
    // closed: nothing more is taken against it
    expect((await post(`/api/console/purchase-orders/${po.id}/close`, {}, undefined, clerk)).statusCode).toBe(403);
    expect((await post(`/api/console/purchase-orders/${po.id}/close`, {})).json()).toMatchObject({ status: 'closed' });
    const late = await post(`/api/console/purchase-orders/${po.id}/receipts`, body, 'receipt-key-0002', clerk);
    expect([late.statusCode, late.json().code]).toEqual([409, 'PURCHASE_ORDER_STATE_INVALID']);
    expect((await post(`/api/console/purchase-orders/${po.id}/send`, {})).json().code).toBe('PURCHASE_ORDER_STATE_INVALID');
    const moves = (await get(`/api/console/stock/${c.eggs}/movements`)).json() as Array<{ kind: string; note: string }>;
    expect(moves).toEqual([expect.objectContaining({ kind: 'receive', onHandDelta: 10, note: `采购单 ${po.number} 收货：整箱到货` })]);
  });

  it("keeps a store's POs from another store's staff", async () => {
    const c = await makeCatalog(ctx);
    const { pos } = await formCampaign([{ skuId: c.grapeBunch, qty: 2 }]);
    const po = (await get(`/api/console/purchase-orders/${pos[0]!.id}`)).json() as PurchaseOrderView;
    expect((await get('/api/console/purchase-orders', outsider)).json()).toEqual([]);
    for (const url of [`/api/console/purchase-orders/${po.id}`, `/api/console/purchase-orders/${po.id}.xlsx`, `/api/console/purchase-orders/${po.id}/print`]) {
      const res = await get(url, outsider);
      expect([url, res.statusCode, res.json().code]).toEqual([url, 404, 'PURCHASE_ORDER_NOT_FOUND']);
    }
    const recv = await post(`/api/console/purchase-orders/${po.id}/receipts`, { lines: [{ poLineId: po.lines[0]!.id, receivedQty: 2 }] }, 'outsider-key-01', outsider);
    expect([recv.statusCode, recv.json().code]).toEqual([404, 'PURCHASE_ORDER_NOT_FOUND']);
    expect((await post(`/api/console/purchase-orders/${po.id}/send`, {}, undefined, outsider)).statusCode).toBe(404);
    expect((await getLevels(ctx, [c.grapeBunch])).get(c.grapeBunch)?.onHand ?? 0).toBe(0);
    expect((await get(`/api/console/purchase-orders/${po.id}`)).json()).toMatchObject({ status: 'draft', receivedQty: 0 });
  });

  it('reads and sets the default loss buffer', async () => {
    expect((await get('/api/console/procurement/settings')).json()).toEqual({ lossBufferPct: 5 });
    const put = (payload: object, cookie = owner) =>
      t.app.inject({ method: 'PUT', url: '/api/console/procurement/settings', headers: { cookie, 'x-linli-csrf': '1' }, payload });
    expect((await put({ lossBufferPct: 8 }, clerk)).statusCode).toBe(403);
    expect((await put({ lossBufferPct: 8 })).json()).toEqual({ lossBufferPct: 8 });
    expect((await put({ lossBufferPct: 120 })).statusCode).toBe(400);
    expect((await get('/api/console/procurement/settings', outsider)).json()).toEqual({ lossBufferPct: 5 });
  });
});
