import { describe, expect, it } from 'vitest';
import { pctToBp, planPurchaseOrders, roundToCases, type PlanSku } from './plan.js';

const sku = (skuId: string, casePack: number, supplierId: string | null = 'sup-a'): PlanSku => ({
  skuId,
  productName: `商品${skuId}`,
  spec: '500g',
  unit: '盒',
  supplierId,
  casePack,
});

describe('roundToCases (loss buffer, then whole cases)', () => {
  it('rounds up demand plus buffer to whole cases', () => {
    // 19 × 1.05 = 19.95 → 2 cases of 10
    expect(roundToCases(19, 10, 500)).toEqual({ bufferQty: 1, cases: 2, orderedQty: 20 });
    // 20 × 1.05 = 21 → 3 cases: the buffer pushes an exact multiple over
    expect(roundToCases(20, 10, 500)).toEqual({ bufferQty: 1, cases: 3, orderedQty: 30 });
  });

  it('keeps an exact multiple when there is no buffer', () => {
    expect(roundToCases(20, 10, 0)).toEqual({ bufferQty: 0, cases: 2, orderedQty: 20 });
    expect(roundToCases(24, 12, 0)).toEqual({ bufferQty: 0, cases: 2, orderedQty: 24 });
  });

  it('is exact where floating point is not (50 × 1.1 is 55, not 55.00000000000001)', () => {
    expect(50 * 1.1).toBeGreaterThan(55); // the trap: Math.ceil would order a whole case too many
    expect(roundToCases(50, 1, 1000)).toEqual({ bufferQty: 5, cases: 55, orderedQty: 55 });
    expect(roundToCases(50, 55, 1000)).toEqual({ bufferQty: 5, cases: 1, orderedQty: 55 });
    expect(roundToCases(100, 105, 500)).toEqual({ bufferQty: 5, cases: 1, orderedQty: 105 });
  });

  it('orders units one by one with case pack 1', () => {
    expect(roundToCases(7, 1, 500)).toEqual({ bufferQty: 1, cases: 8, orderedQty: 8 });
    expect(roundToCases(1, 1, 500)).toEqual({ bufferQty: 1, cases: 2, orderedQty: 2 });
    expect(roundToCases(3, 1, 0)).toEqual({ bufferQty: 0, cases: 3, orderedQty: 3 });
  });

  it('orders nothing for zero demand and refuses nonsense', () => {
    expect(roundToCases(0, 12, 500)).toEqual({ bufferQty: 0, cases: 0, orderedQty: 0 });
    expect(() => roundToCases(-1, 12, 500)).toThrow(RangeError);
    expect(() => roundToCases(1.5, 12, 500)).toThrow(RangeError);
    expect(() => roundToCases(3, 0, 500)).toThrow(RangeError);
  });

  it('reads percentages with up to two decimals', () => {
    expect([pctToBp(5), pctToBp(7.5), pctToBp(0), pctToBp(12.25)]).toEqual([500, 750, 0, 1225]);
    expect(() => pctToBp(-1)).toThrow(RangeError);
    expect(() => pctToBp(101)).toThrow(RangeError);
    expect(() => pctToBp(1.234)).toThrow(RangeError);
  });
});

describe('planPurchaseOrders', () => {
  const skus = new Map([
    ['s1', sku('s1', 12)],
    ['s2', sku('s2', 1)],
    ['s3', sku('s3', 6, 'sup-b')],
    ['s4', sku('s4', 5, null)],
  ]);

  it('sums demand per SKU, groups by supplier, and drops zero demand', () => {
    const { orders, unknownSkuIds } = planPurchaseOrders(
      [
        { skuId: 's1', qty: 10 },
        { skuId: 's1', qty: 13 },
        { skuId: 's2', qty: 0 },
        { skuId: 's3', qty: 6 },
        { skuId: 's4', qty: 4 },
      ],
      skus,
      500,
    );
    expect(unknownSkuIds).toEqual([]);
    expect(orders.map((o) => o.supplierId)).toEqual(['sup-a', 'sup-b', null]);
    // 23 × 1.05 = 24.15 → 3 cases of 12
    expect(orders[0]!.lines).toEqual([expect.objectContaining({ skuId: 's1', demandQty: 23, bufferQty: 2, casePack: 12, cases: 3, orderedQty: 36 })]);
    expect(orders[1]!.lines[0]).toMatchObject({ demandQty: 6, cases: 2, orderedQty: 12 });
    expect(orders[2]!.lines[0]).toMatchObject({ demandQty: 4, cases: 1, orderedQty: 5 });
  });

  it('lets the campaign choose the supplier over the catalog, and reports unknown SKUs', () => {
    const { orders, unknownSkuIds } = planPurchaseOrders(
      [
        { skuId: 's1', qty: 1, supplierId: 'sup-b' },
        { skuId: 's3', qty: 1 },
        { skuId: 'nope', qty: 3 },
      ],
      skus,
      0,
    );
    expect(unknownSkuIds).toEqual(['nope']);
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ supplierId: 'sup-b' });
    expect(orders[0]!.lines.map((l) => l.skuId)).toEqual(['s1', 's3']);
  });

  it('plans nothing when all demand is zero', () => {
    expect(planPurchaseOrders([{ skuId: 's1', qty: 0 }], skus, 500).orders).toEqual([]);
    expect(planPurchaseOrders([], skus, 500).orders).toEqual([]);
  });
});
