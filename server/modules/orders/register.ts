import type { AppDeps } from '../../app.js';
import { systemCtx } from '../../db/system-ctx.js';
import type { App } from '../../http/types.js';
import type { Job } from '../../jobs/scheduler.js';
import { registerConsoleOrderRoutes } from './console.routes.js';
import { registerPickupRoutes } from './pickup/index.js';
import type { OrdersPorts } from './ports.js';
import { registerShopOrderRoutes } from './shop.routes.js';
import { EXPIRE_UNPAID_JOB, expireOverdueOrders } from './use-cases/expire-overdue-orders.js';
import { expireUnpaidOrder } from './use-cases/expire-unpaid-order.js';

/**
 * Routes of orders and pickup; the subscription that cancels an unpaid order whose hold expired;
 * returns the module's jobs for the scheduler.
 */
export function registerOrders(app: App, deps: AppDeps, ports: OrdersPorts): Job[] {
  registerShopOrderRoutes(app, deps, ports);
  registerConsoleOrderRoutes(app, deps, ports);
  registerPickupRoutes(app, deps, ports);

  const jobDeps = { clock: deps.clock, outboxWake: deps.ctx.outboxWake };
  // a failure leaves the event pending for the dispatcher's retry; the sweep job is the backstop
  deps.dispatcher.on('inventory.reservation_expired', async (e) => {
    if (!e.payload.orderId) return;
    const ctx = systemCtx(deps.ctx.db, { orgId: e.orgId, storeId: e.storeId }, 'reservation-expiry', jobDeps);
    await expireUnpaidOrder(ctx, e.payload.orderId);
  });

  return [{ name: EXPIRE_UNPAID_JOB, everyMs: 60_000, run: async () => void (await expireOverdueOrders(deps.ctx.db, jobDeps)) }];
}
