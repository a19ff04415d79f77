import type { Ctx } from '../../../kernel/ctx.js';
import { AppError } from '../../../kernel/errors.js';
import { qrSvg, renderPng } from '../../../poster/index.js';
import { getSkusForSale } from '../../catalog/index.js';
import { storeById } from '../../tenancy/index.js';
import { mayEnter } from '../room/directory.js';
import { extrasOf, sharePath, showOfStore } from './extras.repo.js';
import { SHOW_POSTER_WIDTH, showPosterSvg } from './poster-svg.js';

export interface ShowPosterOptions {
  /** PUBLIC_URL, else the request's origin */
  origin: string;
  slug: string;
  /** the neighbour asking (shop), or null for the store's staff (console: the invite link is printed) */
  visitor: { customerId: string | null; inviteTokens: string[] } | null;
  warn: (msg: string) => void;
}

/**
 * A show's share poster (PNG): title, start time, featured products with prices, and a QR of
 * the room's link (with its invite for invite-only rooms, which only staff or an invite holder
 * can print). Scanning it opens the room, where a neighbour reserves the start reminder.
 */
export async function showPoster(ctx: Ctx, showId: string, o: ShowPosterOptions): Promise<Buffer> {
  const [show, extras, store] = await Promise.all([showOfStore(ctx, showId), extrasOf(ctx, showId), storeById(ctx.db, ctx.orgId, ctx.storeId)]);
  if (!store) throw new AppError('STORE_NOT_FOUND');
  const access = extras?.access ?? 'public';
  const room = { storeId: show.storeId, access, inviteToken: extras?.inviteToken ?? null };
  if (o.visitor && !mayEnter(room, { ...o.visitor, staffStoreId: null })) {
    throw new AppError('LIVE_ROOM_RESTRICTED', { access, signedIn: o.visitor.customerId !== null });
  }
  const skuIds = (extras?.skuIds ?? []).slice(0, 3);
  const skus = await getSkusForSale(ctx, skuIds);
  const products = skuIds.flatMap((id) => {
    const s = skus.get(id);
    return s ? [{ name: `${s.productName}${s.spec ? ` ${s.spec}` : ''}`, priceFen: s.priceFen }] : [];
  });
  const url = `${o.origin}${sharePath(o.slug, showId, extras)}`;
  const svg = showPosterSvg({
    storeName: store.name,
    title: show.title,
    status: show.status,
    at: show.status === 'scheduled' ? show.scheduledAt : show.startedAt,
    timeZone: store.timezone || 'Asia/Shanghai',
    products,
    membersOnly: access === 'members',
    qrSvg: await qrSvg(url),
  });
  return renderPng(svg, SHOW_POSTER_WIDTH, o.warn);
}
