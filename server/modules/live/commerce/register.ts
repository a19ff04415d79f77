import type { AppDeps } from '../../../app.js';
import type { App } from '../../../http/types.js';
import type { Job } from '../../../jobs/scheduler.js';
import { relayToRealtime, topics, type RealtimeMessage } from '../../../realtime/index.js';
import type { PresalePort, PresencePort } from '../ports.js';
import { presentViewers } from '../room/index.js';
import { FlashSaleEngine } from './engine.js';
import { registerCommerceRoutes } from './routes.js';
import { END_FLASH_SALES_JOB, endDueFlashSales } from './use-cases/end-flash-sale.js';

export interface LiveCommercePorts {
  /** presale (接龙) campaigns, implemented in app.ts with the group-buy module */
  presale: PresalePort;
  /** who watches a show now; default: the room's heartbeats (presentViewers) */
  presence?: PresencePort;
}

/**
 * Flash sales, vouchers and presale joins in the room: routes, the room messages (flash_sale,
 * stock, order_ticker, voucher_drop — from committed events only) and the job that ends flash
 * sales at their time and gives the rest back to the shelf.
 */
export function registerLiveCommerce(app: App, deps: AppDeps, ports: LiveCommercePorts): { jobs: Job[]; engine: FlashSaleEngine } {
  const engine = new FlashSaleEngine();
  registerCommerceRoutes(app, deps, { engine, presale: ports.presale, presence: ports.presence ?? presentViewers });

  relayToRealtime(deps.dispatcher, deps.realtime, 'live.flash_sale_changed', (e) => {
    const topic = topics.room(e.payload.showId);
    const at = e.payload.at;
    const out: RealtimeMessage[] = [
      { topic, type: 'flash_sale', payload: e.payload.sale },
      { topic, type: 'stock', payload: { skuId: e.payload.sale.skuId, available: e.payload.available, at } },
    ];
    for (const t of e.payload.ticker) out.push({ topic, type: 'order_ticker', payload: { ...t, at } });
    return out;
  });
  relayToRealtime(deps.dispatcher, deps.realtime, 'live.voucher_drop_changed', (e) => ({
    topic: topics.room(e.payload.showId),
    type: 'voucher_drop',
    payload: { dropId: e.payload.dropId, title: e.payload.title.slice(0, 60), total: e.payload.total, remaining: e.payload.remaining, endsAt: e.payload.endsAt },
  }));

  const jobDeps = { clock: deps.clock, outboxWake: deps.ctx.outboxWake };
  return { engine, jobs: [{ name: END_FLASH_SALES_JOB, everyMs: 2_000, run: async () => void (await endDueFlashSales(deps.ctx.db, jobDeps)) }] };
}
