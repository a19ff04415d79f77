import { z } from 'zod';
import type { AppDeps } from '../../app.js';
import { shopCtx } from '../../http/context.js';
import type { App } from '../../http/types.js';
import { idempotent } from '../../idempotency/idempotent.js';
import { CancelOrderBody, OrderView, PayOrderResult, ShopOrderBody } from './contract.js';
import { idempotencyKey } from './idem-key.js';
import type { OrdersPorts } from './ports.js';
import { getOrder, listOrders } from './queries.js';
import { cancelOrder } from './use-cases/cancel-order.js';
import { createOrder } from './use-cases/create-order.js';
import { startOrderPayment } from './use-cases/start-payment.js';

const tags = ['shop'];
const SlugParam = z.object({ slug: z.string().min(1).max(64) });
const OrderParam = SlugParam.extend({ id: z.uuid() });
const idem = 'Retried with the same Idempotency-Key header, answers the same.';

/** The neighbour's own orders in one store (linli_shop cookie). Prices come from the catalog, never the client. */
export function registerShopOrderRoutes(app: App, deps: AppDeps, ports: OrdersPorts): void {
  app.post(
    '/api/shop/:slug/orders',
    { schema: { tags, summary: '下单 Place an order', description: idem, params: SlugParam, body: ShopOrderBody, response: { 200: OrderView } } },
    async (req) => {
      const ctx = await shopCtx(deps.ctx, req, req.params.slug);
      return idempotent(ctx, `order.create:${ctx.customerId}`, idempotencyKey(req.headers), req.body, (tx) =>
        createOrder(tx, {
          channel: 'groupbuy',
          customerId: ctx.customerId,
          lines: req.body.lines.map((l) => ({ skuId: l.skuId, qty: l.qty })),
          paymentMethod: req.body.paymentMethod,
          fulfilment: 'in_stock',
          note: req.body.note,
        }),
      );
    },
  );

  app.get(
    '/api/shop/:slug/orders',
    { schema: { tags, summary: '我的订单 My orders', params: SlugParam, response: { 200: z.array(OrderView) } } },
    async (req) => listOrders(await shopCtx(deps.ctx, req, req.params.slug), { limit: 100 }),
  );

  app.get(
    '/api/shop/:slug/orders/:id',
    { schema: { tags, summary: '订单详情（含提货码）My order, with its pickup code', params: OrderParam, response: { 200: OrderView } } },
    async (req) => getOrder(await shopCtx(deps.ctx, req, req.params.slug), req.params.id),
  );

  app.post(
    '/api/shop/:slug/orders/:id/pay',
    { schema: { tags, summary: '去支付 Pay an order (sandbox)', description: idem, params: OrderParam, response: { 200: PayOrderResult } } },
    async (req) => {
      const ctx = await shopCtx(deps.ctx, req, req.params.slug);
      return idempotent(ctx, `order.pay:${ctx.customerId}`, idempotencyKey(req.headers), { orderId: req.params.id }, (tx) =>
        startOrderPayment(tx, req.params.id, ports.payments),
      );
    },
  );

  app.post(
    '/api/shop/:slug/orders/:id/cancel',
    {
      schema: {
        tags,
        summary: '取消订单 / 随时退 Cancel (refunds in full when paid)',
        description: idem,
        params: OrderParam,
        body: CancelOrderBody,
        response: { 200: OrderView },
      },
    },
    async (req) => {
      const ctx = await shopCtx(deps.ctx, req, req.params.slug);
      const reason = req.body?.reason || 'customer_cancelled';
      return idempotent(ctx, `order.cancel:${ctx.customerId}`, idempotencyKey(req.headers), { orderId: req.params.id, reason }, (tx) =>
        cancelOrder(tx, req.params.id, reason, ports.payments),
      );
    },
  );
}
