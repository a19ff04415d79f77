import type { Ctx } from '../../../kernel/ctx.js';
import { AppError } from '../../../kernel/errors.js';
import { getSkusForSale } from '../../catalog/index.js';
import { storeById } from '../../tenancy/index.js';
import { findCampaign, itemsOf, type CampaignRow } from '../campaigns/campaign.repo.js';
import { sharePath } from '../campaigns/present.js';
import { priceAt } from '../campaigns/pricing.js';
import { POSTER_WIDTH } from '../contract.js';
import { qrSvg, renderPng } from '../../../poster/index.js';
import { posterSvg, type PosterData } from './poster-svg.js';

/** Who may see a campaign's poster in the shop: anyone with the link, once it is published. */
const PUBLIC_STATUSES: ReadonlyArray<CampaignRow['status']> = ['open', 'closed', 'formed'];

export interface PosterOptions {
  /** PUBLIC_URL, else the request's origin (scheme://host) */
  origin: string;
  slug: string;
  /** the shop route: only published campaigns */
  publicOnly: boolean;
  warn: (msg: string) => void;
}

/** The share URL the QR encodes: origin + the campaign's share path. */
export function shareUrl(origin: string, slug: string, campaignId: string): string {
  return `${origin.replace(/\/+$/, '')}${sharePath(slug, campaignId)}`;
}

/** What the poster shows: the first item is the main product; a ladder shows its lowest tier (低至). */
export async function posterData(ctx: Ctx, campaignId: string, o: PosterOptions): Promise<PosterData> {
  const c = await findCampaign(ctx, campaignId);
  if (o.publicOnly && !PUBLIC_STATUSES.includes(c.status)) throw new AppError('CAMPAIGN_NOT_FOUND', { campaignId });
  const [items, store] = await Promise.all([itemsOf(ctx, c.id), storeById(ctx.db, ctx.orgId, ctx.storeId)]);
  const main = items[0];
  if (!main || !store) throw new AppError('CAMPAIGN_NOT_FOUND', { campaignId });
  const sku = (await getSkusForSale(ctx, [main.skuId])).get(main.skuId);
  const lowest = main.tiers.length > 0 ? Math.min(...main.tiers.map((t) => t.priceFen)) : priceAt(main.priceFen, main.tiers, main.sold);
  const url = shareUrl(o.origin, o.slug, c.id);
  return {
    storeName: store.name,
    title: c.title,
    productName: sku?.productName ?? '',
    spec: sku?.spec ?? '',
    priceFen: Math.min(lowest, main.priceFen),
    ladder: main.tiers.length > 0,
    basePriceFen: main.priceFen,
    minKind: c.minKind,
    minValue: c.minValue,
    cutoffAt: c.cutoffAt,
    pickupDate: c.pickupDate,
    timeZone: store.timezone || 'Asia/Shanghai',
    shareUrl: url,
    qrSvg: await qrSvg(url),
  };
}

export async function campaignPoster(ctx: Ctx, campaignId: string, o: PosterOptions): Promise<Buffer> {
  return renderPng(posterSvg(await posterData(ctx, campaignId, o)), POSTER_WIDTH, o.warn);
}
