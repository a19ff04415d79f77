import { z } from 'zod';
import type { AppDeps } from '../../../app.js';
import { systemCtx } from '../../../db/system-ctx.js';
import { staffCtx } from '../../../http/context.js';
import type { App } from '../../../http/types.js';
import { IDEMPOTENCY_HEADER, idempotent } from '../../../idempotency/idempotent.js';
import type { Ctx } from '../../../kernel/ctx.js';
import { AppError } from '../../../kernel/errors.js';
import { storeById } from '../../tenancy/index.js';
import { PoListQuery, ProcurementSettings, PurchaseOrderSummary, PurchaseOrderView, ReceiptBody, ReceiptView } from './contract.js';
import type { AllocationPorts } from './ports.js';
import { purchaseOrderHtml } from './print.js';
import { getPurchaseOrder, listPurchaseOrders, lossBufferBpOf, purchaseOrdersOfCampaign } from './po.repo.js';
import type { SheetHeader } from './sheet.js';
import { closePurchaseOrder } from './use-cases/close-purchase-order.js';
import { createPurchaseOrdersForCampaign } from './use-cases/create-purchase-orders.js';
import { receivePurchaseOrder } from './use-cases/receive-purchase-order.js';
import { sendPurchaseOrder } from './use-cases/send-purchase-order.js';
import { setProcurementSettings } from './use-cases/set-procurement-settings.js';

/** exceljs is loaded on the first download, not at start-up (it costs about a second to load) */
const xlsx = () => import('./xlsx.js');

const tags = ['groupbuy procurement'];
const IdParam = z.object({ id: z.uuid() });
const WRITERS: ['owner', 'manager'] = ['owner', 'manager'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface ProcurementOptions {
  /** the campaign core's allocation ports; without them receipts only put goods in stock */
  allocation?: AllocationPorts;
}

async function sheetHeader(ctx: Ctx): Promise<SheetHeader> {
  const store = await storeById(ctx.db, ctx.orgId, ctx.storeId);
  return { storeName: store?.name ?? '', timeZone: store?.timezone ?? 'Asia/Shanghai' };
}

const attachment = (name: string) => `attachment; filename="${name.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/**
 * 采购单 in the console, receiving, and the subscription that builds POs when a campaign forms
 * (以销定采). Reading and receiving: any staff (deliveries come to the counter); sending and
 * settings: owner or manager.
 */
export function registerProcurementRoutes(app: App, deps: AppDeps, opts: ProcurementOptions = {}): void {
  deps.dispatcher.on('groupbuy.campaign_formed', async (e) => {
    const ctx = systemCtx(deps.ctx.db, { orgId: e.orgId, storeId: e.storeId }, 'procurement', { clock: deps.clock, outboxWake: deps.ctx.outboxWake });
    await createPurchaseOrdersForCampaign(ctx, { campaignId: e.payload.campaignId, demand: e.payload.demand });
  });

  app.get(
    '/api/console/purchase-orders',
    { schema: { tags, summary: '采购单列表 Purchase orders', querystring: PoListQuery, response: { 200: z.array(PurchaseOrderSummary) } } },
    async (req) => listPurchaseOrders(await staffCtx(deps.ctx, req), req.query),
  );

  app.get(
    '/api/console/purchase-orders.xlsx',
    { schema: { tags, summary: '导出活动采购单 A campaign’s POs as xlsx, a sheet per PO', querystring: z.object({ campaignId: z.uuid() }) } },
    async (req, reply) => {
      const ctx = await staffCtx(deps.ctx, req);
      const pos = await purchaseOrdersOfCampaign(ctx, req.query.campaignId);
      if (pos.length === 0) throw new AppError('PURCHASE_ORDER_NOT_FOUND', { campaignId: req.query.campaignId });
      const body = await (await xlsx()).purchaseOrdersXlsx(pos, await sheetHeader(ctx));
      return reply.type(XLSX).header('content-disposition', attachment(`采购单-${req.query.campaignId.slice(0, 8)}.xlsx`)).send(body);
    },
  );

  app.get(
    '/api/console/purchase-orders/:id',
    { schema: { tags, summary: '采购单详情 Purchase order', params: IdParam, response: { 200: PurchaseOrderView } } },
    async (req) => getPurchaseOrder(await staffCtx(deps.ctx, req), req.params.id),
  );

  app.get(
    '/api/console/purchase-orders/:id.xlsx',
    { schema: { tags, summary: '下载采购单 Purchase order as xlsx (Chinese headers, A4 printable)', params: IdParam } },
    async (req, reply) => {
      const ctx = await staffCtx(deps.ctx, req);
      const po = await getPurchaseOrder(ctx, req.params.id);
      const body = await (await xlsx()).purchaseOrdersXlsx([po], await sheetHeader(ctx));
      return reply.type(XLSX).header('content-disposition', attachment(`${po.number}.xlsx`)).send(body);
    },
  );

  app.get(
    '/api/console/purchase-orders/:id/print',
    { schema: { tags, summary: '打印采购单 Purchase order as a printable page', params: IdParam } },
    async (req, reply) => {
      const ctx = await staffCtx(deps.ctx, req);
      const html = purchaseOrderHtml(await getPurchaseOrder(ctx, req.params.id), await sheetHeader(ctx));
      return reply.type('text/html; charset=utf-8').header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'").send(html);
    },
  );

  app.post(
    '/api/console/purchase-orders/:id/send',
    { schema: { tags, summary: '标记已发送 Mark sent to the supplier (nothing is sent out)', params: IdParam, response: { 200: PurchaseOrderView } } },
    async (req) => sendPurchaseOrder(await staffCtx(deps.ctx, req, WRITERS), req.params.id),
  );

  app.post(
    '/api/console/purchase-orders/:id/close',
    { schema: { tags, summary: '关闭采购单 Close: nothing more will come, no more receipts', params: IdParam, response: { 200: PurchaseOrderView } } },
    async (req) => closePurchaseOrder(await staffCtx(deps.ctx, req, WRITERS), req.params.id),
  );

  app.post(
    '/api/console/purchase-orders/:id/receipts',
    {
      schema: {
        tags,
        summary: '收货 Record a delivery against the PO',
        description:
          'Puts what arrived on hand (stock movement kind receive, note names the PO) and allocates it first-come to the presale orders. Send an Idempotency-Key header; a retry with the same key and body returns the first receipt.',
        params: IdParam,
        body: ReceiptBody,
        response: { 200: ReceiptView },
      },
    },
    async (req) => {
      const ctx = await staffCtx(deps.ctx, req);
      const key = req.headers[IDEMPOTENCY_HEADER] as string | undefined;
      const input = { purchaseOrderId: req.params.id, ...req.body };
      return idempotent(ctx, 'groupbuy.po_receipt', key, input, (tx) => receivePurchaseOrder(tx, input, opts.allocation));
    },
  );

  app.get(
    '/api/console/procurement/settings',
    { schema: { tags, summary: '采购设置 Procurement settings (loss buffer)', response: { 200: ProcurementSettings } } },
    async (req) => ({ lossBufferPct: (await lossBufferBpOf(await staffCtx(deps.ctx, req))) / 100 }),
  );

  app.put(
    '/api/console/procurement/settings',
    { schema: { tags, summary: '修改采购设置 Set the default loss buffer', body: ProcurementSettings, response: { 200: ProcurementSettings } } },
    async (req) => setProcurementSettings(await staffCtx(deps.ctx, req, WRITERS), req.body),
  );
}
