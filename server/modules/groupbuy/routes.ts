import { z } from 'zod';
import type { AppDeps } from '../../app.js';
import { shopCtx, staffCtx } from '../../http/context.js';
import type { App } from '../../http/types.js';
import { IDEMPOTENCY_HEADER, idempotent } from '../../idempotency/idempotent.js';
import type { Ctx } from '../../kernel/ctx.js';
import { AppError } from '../../kernel/errors.js';
import { OrderViewSchema as OrderView, type PaymentsPort } from '../orders/index.js';
import { storeById } from '../tenancy/index.js';
import { cancelCampaign, closeCampaign } from './campaigns/close-campaign.js';
import { createCampaign } from './campaigns/create-campaign.js';
import { getCampaign, listCampaigns, publicCampaign } from './campaigns/queries.js';
import { listShopCampaigns } from './campaigns/shop-list.js';
import { editCampaign } from './campaigns/update-campaign.js';
import { presaleAvailability } from './campaigns/availability.js';
import { AvailabilityQuery, CampaignInput, CampaignView, JoinBody, PublicCampaignView, ShopCampaignList, SkuAvailabilityView } from './contract.js';
import { joinCampaign } from './join/join-campaign.js';
import { cancelMyEntry } from './join/withdraw-entry.js';

const tags = ['groupbuy'];
const WRITERS = ['owner', 'manager'] as const;
const IdParam = z.object({ id: z.uuid() });
const ShopParam = z.object({ slug: z.string().min(1).max(64), id: z.uuid() });
const idem = 'Retried with the same Idempotency-Key header, answers the same.';

const key = (h: Record<string, string | string[] | undefined>) => {
  const v = h[IDEMPOTENCY_HEADER];
  return Array.isArray(v) ? v[0] : v;
};

async function slugOf(deps: AppDeps, ctx: Ctx): Promise<string> {
  const store = await storeById(deps.ctx.db, ctx.orgId, ctx.storeId);
  if (!store) throw new AppError('STORE_NOT_FOUND');
  return store.slug;
}

/** Campaigns in the console (owner/manager write), the public campaign page and joins in the shop. */
export function registerGroupbuyRoutes(app: App, deps: AppDeps, ports: { payments: PaymentsPort }): void {
  const staff = (req: Parameters<typeof staffCtx>[1], write = false) => staffCtx(deps.ctx, req, write ? [...WRITERS] : undefined);

  app.get('/api/console/campaigns', { schema: { tags, summary: '团购活动列表 Campaigns', response: { 200: z.array(CampaignView) } } }, async (req) => {
    const ctx = await staff(req);
    return listCampaigns(ctx, await slugOf(deps, ctx));
  });
  app.post('/api/console/campaigns', { schema: { tags, summary: '新建团购 Create a campaign', body: CampaignInput, response: { 200: CampaignView } } }, async (req) => {
    const ctx = await staff(req, true);
    return createCampaign(ctx, req.body, await slugOf(deps, ctx));
  });
  app.get(
    '/api/console/campaigns/availability',
    {
      schema: {
        tags,
        summary: '现货 + 在途 Presale availability of SKUs (on hand, reserved, incoming on sent purchase orders)',
        querystring: AvailabilityQuery,
        response: { 200: z.array(SkuAvailabilityView) },
      },
    },
    async (req) => presaleAvailability(await staff(req, true), req.query.skuIds.split(',')),
  );
  app.get('/api/console/campaigns/:id', { schema: { tags, summary: '团购详情 Campaign', params: IdParam, response: { 200: CampaignView } } }, async (req) => {
    const ctx = await staff(req);
    return getCampaign(ctx, req.params.id, await slugOf(deps, ctx));
  });
  app.put(
    '/api/console/campaigns/:id',
    { schema: { tags, summary: '编辑团购 Edit a draft or open campaign', params: IdParam, body: CampaignInput, response: { 200: CampaignView } } },
    async (req) => {
      const ctx = await staff(req, true);
      return editCampaign(ctx, req.params.id, req.body, await slugOf(deps, ctx));
    },
  );
  app.post(
    '/api/console/campaigns/:id/close',
    { schema: { tags, summary: '提前截单 Close early', params: IdParam, response: { 200: CampaignView } } },
    async (req) => {
      const ctx = await staff(req, true);
      return closeCampaign(ctx, req.params.id, await slugOf(deps, ctx));
    },
  );
  app.post(
    '/api/console/campaigns/:id/cancel',
    { schema: { tags, summary: '取消团购（全部退款）Cancel; everyone is refunded', params: IdParam, response: { 200: CampaignView } } },
    async (req) => {
      const ctx = await staff(req, true);
      return cancelCampaign(ctx, req.params.id, await slugOf(deps, ctx), ports.payments);
    },
  );

  app.get(
    '/api/shop/:slug/campaigns',
    {
      schema: {
        tags: ['shop'],
        summary: '正在接龙的团购 Campaigns taking joins now (shop home; counts only, no names)',
        params: z.object({ slug: z.string().min(1).max(64) }),
        response: { 200: ShopCampaignList },
      },
    },
    async (req) => {
      const ctx = await shopCtx(deps.ctx, req, req.params.slug, { required: false });
      return listShopCampaigns(ctx, req.params.slug);
    },
  );
  app.get(
    '/api/shop/:slug/campaigns/:id',
    { schema: { tags: ['shop'], summary: '团购页（接龙列表已脱敏）Campaign page, 接龙 list masked', params: ShopParam, response: { 200: PublicCampaignView } } },
    async (req) => {
      const ctx = await shopCtx(deps.ctx, req, req.params.slug, { required: false });
      return publicCampaign(ctx, req.params.id, req.params.slug, ctx.customerId);
    },
  );
  app.post(
    '/api/shop/:slug/campaigns/:id/orders',
    { schema: { tags: ['shop'], summary: '参与接龙 Join (places a presale order)', description: idem, params: ShopParam, body: JoinBody, response: { 200: OrderView } } },
    async (req) => {
      const ctx = await shopCtx(deps.ctx, req, req.params.slug);
      const customerId = ctx.customerId!;
      return idempotent(ctx, `groupbuy.join:${customerId}`, key(req.headers), { id: req.params.id, ...req.body }, (tx) =>
        joinCampaign(tx, customerId, req.params.id, req.body),
      );
    },
  );
  app.post(
    '/api/shop/:slug/campaigns/:id/orders/:orderId/cancel',
    {
      schema: {
        tags: ['shop'],
        summary: '退出接龙 / 随时退 Withdraw (refunds in full; caps given back)',
        description: idem,
        params: ShopParam.extend({ orderId: z.uuid() }),
        response: { 200: OrderView },
      },
    },
    async (req) => {
      const ctx = await shopCtx(deps.ctx, req, req.params.slug);
      const customerId = ctx.customerId!;
      return idempotent(ctx, `groupbuy.cancel:${customerId}`, key(req.headers), { orderId: req.params.orderId }, (tx) =>
        cancelMyEntry(tx, customerId, req.params.id, req.params.orderId, ports.payments),
      );
    },
  );
}
