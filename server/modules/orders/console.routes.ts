import { z } from 'zod';
import type { AppDeps } from '../../app.js';
import { staffCtx } from '../../http/context.js';
import type { App } from '../../http/types.js';
import { idempotent } from '../../idempotency/idempotent.js';
import { ConsoleOrderQuery, OrderView, RefundOrderBody, RefundResult, StaffOrderView } from './contract.js';
import { idempotencyKey } from './idem-key.js';
import type { OrdersPorts } from './ports.js';
import { getOrderForStaff, listOrdersForStaff } from './queries.js';
import { markReady } from './use-cases/mark-ready.js';
import { refundOrder } from './use-cases/refund-order.js';

const tags = ['orders'];
const IdParam = z.object({ id: z.uuid() });

/** The store's orders in the console (linli_staff cookie). Refunds need an owner or a manager. */
export function registerConsoleOrderRoutes(app: App, deps: AppDeps, ports: OrdersPorts): void {
  app.get(
    '/api/console/orders',
    { schema: { tags, summary: '订单列表 Orders of the store', querystring: ConsoleOrderQuery, response: { 200: z.array(StaffOrderView) } } },
    async (req) => listOrdersForStaff(await staffCtx(deps.ctx, req), req.query),
  );

  app.get(
    '/api/console/orders/:id',
    { schema: { tags, summary: '订单详情 Order', params: IdParam, response: { 200: StaffOrderView } } },
    async (req) => getOrderForStaff(await staffCtx(deps.ctx, req), req.params.id),
  );

  app.post(
    '/api/console/orders/:id/ready',
    { schema: { tags, summary: '到货待提 Mark ready for pickup', params: IdParam, response: { 200: OrderView } } },
    async (req) => markReady(await staffCtx(deps.ctx, req), req.params.id),
  );

  app.post(
    '/api/console/orders/:id/refund',
    {
      schema: {
        tags,
        summary: '退款 Refund (all or part)',
        description: 'Retried with the same Idempotency-Key header, answers the same. Owner or manager.',
        params: IdParam,
        body: RefundOrderBody,
        response: { 200: RefundResult },
      },
    },
    async (req) => {
      const ctx = await staffCtx(deps.ctx, req, ['owner', 'manager']);
      const body = { orderId: req.params.id, ...req.body };
      return idempotent(ctx, 'order.refund', idempotencyKey(req.headers), body, (tx) => refundOrder(tx, body, ports.payments));
    },
  );
}
