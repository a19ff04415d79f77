import { inTx } from '../../../db/tx.js';
import { emit } from '../../../events/emit.js';
import type { Ctx } from '../../../kernel/ctx.js';
import { AppError } from '../../../kernel/errors.js';
import { getSkusForSale } from '../../catalog/index.js';
import { getLevels } from '../../inventory/index.js';
import type { PinBody, PinnedView } from '../contract.js';
import type { PresalePort } from '../ports.js';
import { showOfStore } from '../show/extras.repo.js';
import { liveRoomState, type PinnedSnapshot } from './tables.js';
import './events.js';

/** What a pin shows: a SKU with its price and available stock now, or a presale campaign. */
async function snapshot(ctx: Ctx, body: PinBody, presale: PresalePort | undefined): Promise<PinnedSnapshot | null> {
  if (body.kind === null) return null;
  if (body.kind === 'product') {
    const sku = (await getSkusForSale(ctx, [body.refId])).get(body.refId);
    if (!sku || !sku.active) throw new AppError('SKU_NOT_FOUND', { skuId: body.refId });
    const level = (await getLevels(ctx, [sku.skuId])).get(sku.skuId);
    return {
      kind: 'product',
      refId: sku.skuId,
      title: sku.spec ? `${sku.productName} ${sku.spec}` : sku.productName,
      priceFen: sku.priceFen,
      available: level?.available ?? 0,
      imageUrl: sku.imageUrl,
    };
  }
  if (!presale) throw new AppError('CAMPAIGN_NOT_FOUND', { campaignId: body.refId });
  const c = await presale.summary(ctx, body.refId);
  return { kind: 'campaign', refId: c.id, title: c.title, priceFen: c.lowestPriceFen, available: null, imageUrl: c.imageUrl };
}

/** Pins what the host is explaining (讲解中), or unpins; every screen gets `pin` after commit. */
export async function pinInRoom(ctx: Ctx, showId: string, body: PinBody, presale?: PresalePort): Promise<{ pinned: PinnedView | null }> {
  await showOfStore(ctx, showId);
  const pinned = await snapshot(ctx, body, presale);
  return inTx(ctx, async (tx) => {
    await tx.db
      .insert(liveRoomState)
      .values({ showId, orgId: tx.orgId, storeId: tx.storeId, pinned })
      .onConflictDoUpdate({ target: liveRoomState.showId, set: { pinned } });
    await emit(tx, 'live.pinned', { showId, pinned, at: tx.clock.now().toISOString() });
    return { pinned };
  });
}
