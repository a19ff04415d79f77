import { z } from 'zod';
import type { AppDeps } from '../../../app.js';
import { shopCtx, staffCtx } from '../../../http/context.js';
import type { App } from '../../../http/types.js';
import { IDEMPOTENCY_HEADER, idempotent } from '../../../idempotency/idempotent.js';
import { OrderViewSchema } from '../../orders/index.js';
import {
  FlashOrderBody,
  FlashSaleView,
  OpenFlashSaleBody,
  RedeemVoucherBody,
  RedeemedVoucher,
  RoomPresaleJoinBody,
  ShowCommerce,
  ShowSalesStats,
  VoucherDropBody,
  VoucherDropView,
  VoucherView,
} from '../contract.js';
import type { PresalePort, PresencePort } from '../ports.js';
import { inviteTokensOf } from '../room/socket.js';
import { showCommerce } from './commerce.repo.js';
import type { FlashSaleEngine } from './engine.js';
import { listFlashSales } from './flash-sale.repo.js';
import { showSalesStats } from './stats.repo.js';
import { claimVoucher } from './use-cases/claim-voucher.js';
import { dropVouchers } from './use-cases/drop-vouchers.js';
import { endFlashSale } from './use-cases/end-flash-sale.js';
import { joinPresaleFromRoom } from './use-cases/join-presale.js';
import { openFlashSale } from './use-cases/open-flash-sale.js';
import { redeemVoucher } from './use-cases/redeem-voucher.js';
import { myVouchers } from './voucher.repo.js';

const tags = ['live'];
const idem = 'Idempotency-Key header required: the same key answers the same result.';
const IdParams = z.object({ id: z.uuid() });
const ShopIdParams = z.object({ slug: z.string().min(1).max(64), id: z.uuid() });
const key = (h: Record<string, unknown>) => h[IDEMPOTENCY_HEADER] as string | undefined;

export function registerCommerceRoutes(app: App, deps: AppDeps, p: { engine: FlashSaleEngine; presale: PresalePort; presence: PresencePort }): void {
  // ── console (the host: any staff role of the store) ──
  app.post(
    '/api/console/live/shows/:id/flash-sales',
    { schema: { tags, summary: '开秒杀（开售即锁库存）Open a flash sale (stock reserved at open)', description: idem, params: IdParams, body: OpenFlashSaleBody, response: { 200: FlashSaleView } } },
    async (req) => {
      const ctx = await staffCtx(deps.ctx, req);
      return idempotent(ctx, 'live.open_flash_sale', key(req.headers), { id: req.params.id, ...req.body }, (tx) => openFlashSale(tx, req.params.id, req.body));
    },
  );
  app.get(
    '/api/console/live/shows/:id/flash-sales',
    { schema: { tags, summary: '本场秒杀 Flash sales of a show', params: IdParams, response: { 200: z.array(FlashSaleView) } } },
    async (req) => listFlashSales(await staffCtx(deps.ctx, req), req.params.id),
  );
  app.post(
    '/api/console/live/flash-sales/:id/end',
    { schema: { tags, summary: '结束秒杀（未售出的退回货架）End a flash sale (the rest goes back to the shelf)', params: IdParams, response: { 200: FlashSaleView } } },
    async (req) => endFlashSale(await staffCtx(deps.ctx, req), req.params.id),
  );
  app.post(
    '/api/console/live/shows/:id/voucher-drops',
    { schema: { tags, summary: '发到店券（明天到店有惊喜）Drop store-visit vouchers', description: idem, params: IdParams, body: VoucherDropBody, response: { 200: VoucherDropView } } },
    async (req) => {
      const ctx = await staffCtx(deps.ctx, req);
      return idempotent(ctx, 'live.drop_vouchers', key(req.headers), { id: req.params.id, ...req.body }, (tx) => dropVouchers(tx, req.params.id, req.body));
    },
  );
  app.get(
    '/api/console/live/shows/:id/sales',
    { schema: { tags, summary: '本场成交 Orders and GMV of a show', params: IdParams, response: { 200: ShowSalesStats } } },
    async (req) => showSalesStats(await staffCtx(deps.ctx, req), req.params.id),
  );

  // ── counter: vouchers are redeemed here only ──
  app.post(
    '/api/counter/vouchers/redeem',
    { schema: { tags, summary: '核销到店券 Redeem a store-visit voucher (retry with the same requestId answers the same)', body: RedeemVoucherBody, response: { 200: RedeemedVoucher } } },
    async (req) => redeemVoucher(await staffCtx(deps.ctx, req), req.body),
  );

  // ── shop (neighbours) ──
  app.get(
    '/api/shop/:slug/live/shows/:id/commerce',
    {
      schema: {
        tags,
        summary: '直播间商品区 Flash sales, campaigns, vouchers and the ticker of a room (members / invite rooms: LIVE_ROOM_RESTRICTED)',
        params: ShopIdParams,
        querystring: z.object({ invite: z.string().max(64).optional() }),
        response: { 200: ShowCommerce },
      },
    },
    async (req) => {
      const ctx = await shopCtx(deps.ctx, req, req.params.slug, { required: false });
      return showCommerce(ctx, p.presale, req.params.id, { customerId: ctx.customerId, inviteTokens: inviteTokensOf(req) });
    },
  );
  app.post(
    '/api/shop/:slug/live/flash-sales/:id/orders',
    { schema: { tags, summary: '秒杀下单（到店自提）Buy in a flash sale (pickup at the store)', description: idem, params: ShopIdParams, body: FlashOrderBody, response: { 200: OrderViewSchema } } },
    async (req) => {
      const ctx = await shopCtx(deps.ctx, req, req.params.slug);
      return p.engine.order(ctx, ctx.customerId!, req.params.id, req.body, key(req.headers));
    },
  );
  app.post(
    '/api/shop/:slug/live/voucher-drops/:id/claim',
    { schema: { tags, summary: '领取到店券（仅限正在观看的邻居）Claim a voucher (viewers present only)', description: idem, params: ShopIdParams, response: { 200: VoucherView } } },
    async (req) => {
      const ctx = await shopCtx(deps.ctx, req, req.params.slug);
      const customerId = ctx.customerId!;
      return idempotent(ctx, `live.claim_voucher:${customerId}`, key(req.headers), { id: req.params.id }, (tx) => claimVoucher(tx, customerId, req.params.id, p.presence));
    },
  );
  app.get(
    '/api/shop/:slug/me/vouchers',
    { schema: { tags, summary: '我的到店券 My store-visit vouchers', params: z.object({ slug: z.string().min(1).max(64) }), response: { 200: z.array(VoucherView) } } },
    async (req) => {
      const ctx = await shopCtx(deps.ctx, req, req.params.slug);
      return myVouchers(ctx, ctx.customerId!);
    },
  );
  app.post(
    '/api/shop/:slug/live/shows/:id/presale/:campaignId/orders',
    {
      schema: {
        tags,
        summary: '在直播间参与接龙 Join a presale from the room (attributed to the show)',
        description: idem,
        params: ShopIdParams.extend({ campaignId: z.uuid() }),
        body: RoomPresaleJoinBody,
        response: { 200: OrderViewSchema },
      },
    },
    async (req) => {
      const ctx = await shopCtx(deps.ctx, req, req.params.slug);
      const customerId = ctx.customerId!;
      const { id: showId, campaignId } = req.params;
      return idempotent(ctx, `live.presale_join:${customerId}`, key(req.headers), { showId, campaignId, ...req.body }, (tx) =>
        joinPresaleFromRoom(tx, p.presale, { customerId, showId, campaignId, body: req.body }),
      );
    },
  );
}
