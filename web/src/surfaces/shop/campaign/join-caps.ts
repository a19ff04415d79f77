import type { PublicItemView } from '../../../api/shop-groupbuy.js';

/** the most one more join can add: what is left, and the per-person cap minus what I already hold */
export function maxFor(item: PublicItemView, mineQty: number): number {
  const left = item.remaining ?? Infinity;
  const personal = item.perPersonCap === null ? Infinity : item.perPersonCap - mineQty;
  return Math.max(0, Math.min(left, personal, 999));
}
