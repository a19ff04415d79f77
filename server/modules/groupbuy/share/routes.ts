import { z } from 'zod';
import type { AppDeps } from '../../../app.js';
import { shopCtx, staffCtx } from '../../../http/context.js';
import type { App } from '../../../http/types.js';
import { AppError } from '../../../kernel/errors.js';
import { storeById } from '../../tenancy/index.js';
import { originOf, sendPng, warnOnce } from '../../../poster/index.js';
import { campaignPoster } from './poster.js';

const tags = ['groupbuy'];

/** The share poster (PNG): in the console for staff, in the shop for a published campaign. */
export function registerShareRoutes(app: App, deps: AppDeps): void {
  const warn = warnOnce(deps.log);

  app.get(
    '/api/console/campaigns/:id/poster.png',
    { schema: { tags, summary: '分享海报 Share poster (PNG 750×1334 with a QR of the share link)', params: z.object({ id: z.uuid() }) } },
    async (req, reply) => {
      const ctx = await staffCtx(deps.ctx, req);
      const store = await storeById(deps.ctx.db, ctx.orgId, ctx.storeId);
      if (!store) throw new AppError('STORE_NOT_FOUND');
      const png = await campaignPoster(ctx, req.params.id, { origin: originOf(deps.config.PUBLIC_URL, req), slug: store.slug, publicOnly: false, warn });
      return sendPng(reply, png, 'private, no-store');
    },
  );

  app.get(
    '/api/shop/:slug/campaigns/:id/poster.png',
    {
      schema: {
        tags: ['shop'],
        summary: '分享海报 Share poster of a published campaign (PNG)',
        params: z.object({ slug: z.string().min(1).max(64), id: z.uuid() }),
      },
    },
    async (req, reply) => {
      const ctx = await shopCtx(deps.ctx, req, req.params.slug, { required: false });
      const png = await campaignPoster(ctx, req.params.id, { origin: originOf(deps.config.PUBLIC_URL, req), slug: req.params.slug, publicOnly: true, warn });
      return sendPng(reply, png, 'public, max-age=60');
    },
  );
}
