import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import type { Database } from './db/open.js';
import { OutboxDispatcher } from './events/dispatcher.js';
import { installCsrfGuard } from './http/csrf.js';
import type { CtxDeps } from './http/context.js';
import { installErrorHandler } from './http/errors.js';
import type { App } from './http/types.js';
import { registerWeb } from './http/web.js';
import { systemClock, type Clock } from './kernel/clock.js';
import { Scheduler, type Job } from './jobs/scheduler.js';
import { createBus, MEMORY_BUS_WARNING, Realtime, registerRealtimeGateway, wireStockRealtime } from './realtime/index.js';
import { registerTenancyRoutes } from './modules/tenancy/index.js';
import { registerCatalogRoutes } from './modules/catalog/index.js';
import { getLevels, registerInventoryRoutes, releaseExpiredJob } from './modules/inventory/index.js';
import { createPayments, httpDeliver, injectDeliver, registerPaymentsRoutes, type Payments } from './modules/payments/index.js';
import { markPaid, markRefundSucceeded, markRefundsSucceeded, registerOrders } from './modules/orders/index.js';
import { registerAftersalesRoutes } from './modules/aftersales/index.js';
import { purgeOldOtps, registerCustomerRoutes } from './modules/customers/index.js';
import { MessageDelivery, devNotificationAdapter, notify, registerNotificationRoutes } from './modules/notifications/index.js';
import { LiveVideo, registerLiveCommerce, registerLiveRoom, registerLiveRoutes } from './modules/live/index.js';
import { livePresalePort } from './live-presale-port.js';
import { registerMediaRoutes } from './media/index.js';
import { allocationPorts, registerGroupbuy, registerProcurementRoutes } from './modules/groupbuy/index.js';

export interface AppOptions {
  config: Config;
  database: Database;
  clock?: Clock;
  logger?: FastifyServerOptions['logger'];
  /** built web app to serve (web/dist); skipped when absent */
  webDist?: string;
}

export interface Linli {
  app: App;
  deps: AppDeps;
  dispatcher: OutboxDispatcher;
  scheduler: Scheduler;
  /** the payments port (tests reach the sandbox wallet and provider through it) */
  payments: Payments;
  /** live video: stream keys, shows, the media server (RTMP in; HTTP-FLV and HLS out) */
  live: LiveVideo;
  /** starts the background work: outbox polling and jobs */
  start(): void;
  close(): Promise<void>;
}

/** Everything a module's routes and jobs may use, built once here. */
export interface AppDeps {
  config: Config;
  database: Database;
  clock: Clock;
  ctx: CtxDeps;
  dispatcher: OutboxDispatcher;
  /** WebSocket topics: publish / signal / authorize (server/realtime) */
  realtime: Realtime;
  log: (msg: string, err?: unknown) => void;
}

/**
 * The composition root: the only place that wires modules together. Channels never import each
 * other; what one needs of another is passed in here as a port.
 */
export async function buildApp(opts: AppOptions): Promise<Linli> {
  const clock = opts.clock ?? systemClock;
  const app = Fastify({ logger: opts.logger ?? false, trustProxy: true, bodyLimit: 6 * 1024 * 1024 }).withTypeProvider() as unknown as App;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Linli 邻里 API', version: '0.1.0', description: 'Live, group buy and store as one business' },
    },
    transform: jsonSchemaTransform,
  });
  installErrorHandler(app);
  installCsrfGuard(app);

  const log = (msg: string, err?: unknown) => app.log.error({ err }, msg);
  const db = opts.database.db;
  const dispatcher = new OutboxDispatcher(db, log);
  const realtime = new Realtime(await createBus({ redisUrl: opts.config.REDIS_URL, log }), { log });
  if (realtime.bus.kind === 'memory' && opts.config.NODE_ENV !== 'test') console.warn(MEMORY_BUS_WARNING);
  const deps: AppDeps = {
    config: opts.config,
    database: opts.database,
    clock,
    dispatcher,
    realtime,
    log,
    ctx: {
      db,
      clock,
      outboxWake: dispatcher.wake,
      secureCookies: opts.config.PUBLIC_URL?.startsWith('https://') ?? false,
    },
  };

  app.get('/api/health', { schema: { hide: true } }, async () => {
    await db.execute('select 1');
    return { ok: true, database: opts.database.kind };
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await registerRealtimeGateway(app, realtime, { ctx: deps.ctx, publicUrl: opts.config.PUBLIC_URL });
  wireStockRealtime(dispatcher, realtime);

  const jobs: Job[] = [];
  registerTenancyRoutes(app, deps);
  // catalog reads stock through a port, so the ledger may import the catalog without a cycle
  registerCatalogRoutes(app, deps, { mediaDir: join(opts.config.DATA_DIR, 'media'), stockLevels: getLevels });
  registerInventoryRoutes(app, deps);
  jobs.push(releaseExpiredJob({ db, clock, outboxWake: dispatcher.wake }));
  // payments: the sandbox wallet server reaches the notify route over HTTP (tests: app.inject);
  // orders hear of a payment through markPaid, so payments never imports orders
  const payments = createPayments({
    db,
    clock,
    log,
    outboxWake: dispatcher.wake,
    secret: opts.config.PAYMENT_SANDBOX_SECRET,
    deliver: opts.config.NODE_ENV === 'test' ? injectDeliver(app) : httpDeliver(`http://127.0.0.1:${opts.config.PORT}`),
    onPaymentSucceeded: (ctx, p) => markPaid(ctx, p),
    // orders counted refundedFen when it asked (refundOrder); this records that the money arrived
    onRefundSucceeded: (ctx, p) => markRefundSucceeded(ctx, p),
    onRefundsSucceeded: (ctx, list) => markRefundsSucceeded(ctx, list),
  });
  await registerPaymentsRoutes(app, deps, payments);
  jobs.push(...payments.jobs);
  // orders + pickup: refunds, counter payments and pay go through the payments port passed in here
  jobs.push(...registerOrders(app, deps, { payments }));
  // after-sales (售后) on any channel's order: approvals refund through the same port
  registerAftersalesRoutes(app, deps, { payments, photoDir: join(opts.config.DATA_DIR, 'media', 'after-sales') });
  // group-buy procurement (以销定采): POs on groupbuy.campaign_formed, receiving into stock;
  // the campaign core's allocation ports (first-come fill / shortage refund) are passed here once it lands
  registerProcurementRoutes(app, deps, { allocation: allocationPorts(payments) });
  // group buy (接龙): joins place presale orders; the cut-off job refunds through the same port
  jobs.push(...registerGroupbuy(app, deps, { payments }));
  // notifications: delivered after commit (woken by their own outbox event) and by a poll
  const smsAdapter = devNotificationAdapter((line) => app.log.info(line));
  const delivery = new MessageDelivery({ db, adapter: smsAdapter, clock, outboxWake: dispatcher.wake, log });
  dispatcher.on('notification.queued', () => delivery.wake());
  app.addHook('onClose', () => delivery.stop());
  jobs.push({ name: 'notifications.deliver', everyMs: 5_000, run: async () => void (await delivery.drain()) });
  registerNotificationRoutes(app, deps, { revealOtpCodes: smsAdapter.kind === 'dev' });
  registerCustomerRoutes(app, deps, {
    sendOtp: async (ctx, phone, code) => void (await notify(ctx, { to: { phone }, template: 'otp', params: { code } })),
  });
  jobs.push({ name: 'customers.purge-otps', everyMs: 3_600_000, run: async () => void (await purgeOldOtps(db, clock.now())) });

  // live video: node-media-server listens on RTMP_PORT from start(); playback by show id under /media
  const live = new LiveVideo({ config: opts.config, db, clock, outboxWake: dispatcher.wake, logger: app.log.child({ module: 'live' }) });
  registerLiveRoutes(app, deps, live);
  registerMediaRoutes(app, live.media);
  // the live room: room:<id> access, chat/likes/presence, moderation, pins, giveaways, reminders, stats
  jobs.push(...registerLiveRoom(app, deps, { video: live, presale: livePresalePort() }));
  // commerce in the room: flash sales (batched engine), vouchers, presale joins through the port (live never imports groupbuy)
  jobs.push(...registerLiveCommerce(app, deps, { presale: livePresalePort() }).jobs);

  if (opts.webDist && existsSync(opts.webDist)) await registerWeb(app, opts.webDist);

  const scheduler = new Scheduler(jobs, log);
  return {
    app,
    deps,
    dispatcher,
    scheduler,
    payments,
    live,
    start() {
      dispatcher.start();
      scheduler.start();
      void live.start().catch((err) => log('live video could not start: no RTMP ingest in this process', err));
    },
    async close() {
      await live.stop();
      await scheduler.stop();
      await dispatcher.stop();
      await app.close();
    },
  };
}
