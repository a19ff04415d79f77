import { z } from 'zod';
import type { AppDeps } from '../../app.js';
import { shopCtx, staffCtx } from '../../http/context.js';
import type { App } from '../../http/types.js';
import { AppError } from '../../kernel/errors.js';
import { CreditView } from './contract.js';
import { creditOf } from './credit.js';
import { getCustomers } from './customer.repo.js';

/** 店铺余额: the neighbour's own in the shop, any neighbour's of the store in the console. */
export function registerCreditRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/shop/:slug/me/credit',
    { schema: { tags: ['shop'], summary: '我的店铺余额 My store credit', params: z.object({ slug: z.string().min(1).max(64) }), response: { 200: CreditView } } },
    async (req) => {
      const ctx = await shopCtx(deps.ctx, req, req.params.slug);
      return creditOf(ctx, ctx.customerId!);
    },
  );
  app.get(
    '/api/console/customers/:id/credit',
    { schema: { tags: ['customers'], summary: '邻居店铺余额 A neighbour’s store credit', params: z.object({ id: z.uuid() }), response: { 200: CreditView } } },
    async (req) => {
      const ctx = await staffCtx(deps.ctx, req);
      // customers are per organisation: a neighbour of another organisation is not found
      if (!(await getCustomers(ctx, [req.params.id])).has(req.params.id)) throw new AppError('NOT_FOUND', { customerId: req.params.id });
      return creditOf(ctx, req.params.id);
    },
  );
}
