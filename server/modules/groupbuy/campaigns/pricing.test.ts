import { describe, expect, it } from 'vitest';
import { priceAt, tierProblem } from './pricing.js';

describe('ladder prices (阶梯团)', () => {
  const tiers = [
    { minQty: 50, priceFen: 900 },
    { minQty: 10, priceFen: 1000 },
  ];
  it('charges the tier reached by the total sold', () => {
    expect(priceAt(1200, tiers, 0)).toBe(1200);
    expect(priceAt(1200, tiers, 9)).toBe(1200);
    expect(priceAt(1200, tiers, 10)).toBe(1000);
    expect(priceAt(1200, tiers, 49)).toBe(1000);
    expect(priceAt(1200, tiers, 500)).toBe(900);
    expect(priceAt(1200, [], 500)).toBe(1200);
  });
  it('refuses tiers that do not get cheaper', () => {
    expect(tierProblem(1200, tiers)).toBeNull();
    expect(tierProblem(1200, [{ minQty: 10, priceFen: 1300 }])).not.toBeNull();
    expect(tierProblem(1200, [{ minQty: 10, priceFen: 1000 }, { minQty: 10, priceFen: 900 }])).not.toBeNull();
  });
});
