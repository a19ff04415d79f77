import type { Ctx } from '../../../kernel/ctx.js';
import { getLevels } from '../../inventory/index.js';
import type { SkuAvailabilityView } from '../contract.js';
import { incomingFromSuppliers } from '../procurement/index.js';

/**
 * 现货 + 在途 per SKU, for the owner choosing a campaign item's total cap. A read only: the cap
 * stays a number the owner sets (the join's conditional UPDATE on it is the one truth), and
 * nothing here is reserved, so two campaigns capped from the same figure can both sell it.
 * SKUs of another store read as zeros (levels and POs are read for the ctx's store only).
 */
export async function presaleAvailability(ctx: Ctx, skuIds: string[]): Promise<SkuAvailabilityView[]> {
  const ids = [...new Set(skuIds.map((s) => s.toLowerCase()))];
  const [levels, incoming] = await Promise.all([getLevels(ctx, ids), incomingFromSuppliers(ctx, ids)]);
  return ids.map((skuId) => {
    const l = levels.get(skuId) ?? { onHand: 0, reserved: 0, available: 0 };
    const inc = incoming.get(skuId) ?? { incoming: 0, sold: 0 };
    return {
      skuId,
      onHand: l.onHand,
      reserved: l.reserved,
      available: l.available,
      incoming: inc.incoming,
      incomingSold: inc.sold,
      sellable: Math.max(0, l.available + inc.incoming - inc.sold),
    };
  });
}
