import type { LadderTier } from '../tables.js';

/**
 * 阶梯团: the price for a total of `sold` units. Tiers apply from their minQty up; below the first
 * tier the base price holds. Tiers must get cheaper as the quantity grows (checked on save).
 */
export function priceAt(baseFen: number, tiers: LadderTier[], sold: number): number {
  let price = baseFen;
  for (const t of [...tiers].sort((a, b) => a.minQty - b.minQty)) if (sold >= t.minQty) price = t.priceFen;
  return price;
}

/** null when valid; else why not (each tier above the previous in quantity, below it in price). */
export function tierProblem(baseFen: number, tiers: LadderTier[]): string | null {
  let lastQty = 0;
  let lastPrice = baseFen;
  for (const t of [...tiers].sort((a, b) => a.minQty - b.minQty)) {
    if (t.minQty <= lastQty) return 'tier quantities must differ';
    if (t.priceFen >= lastPrice) return 'each tier must be cheaper than the one below it';
    lastQty = t.minQty;
    lastPrice = t.priceFen;
  }
  return null;
}
