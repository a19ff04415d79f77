import { describe, expect, it } from 'vitest';
import { getLevels } from '../modules/inventory/index.js';
import { listSkusForSale } from '../modules/catalog/index.js';
import { makeTenant } from '../testing/factories.js';
import { createTestDatabase } from '../testing/test-db.js';
import { ean13, seedDemoCatalog } from './demo-catalog.js';

describe('demo catalog', async () => {
  const database = await createTestDatabase();

  it('fills the shelf through the ledger: ~30 products, weighed greens, valid barcodes, stock on hand', async () => {
    const tenant = await makeTenant(database.db);
    const ctx = tenant.ctx();
    const seeded = await seedDemoCatalog(ctx);
    expect(seeded.products).toBeGreaterThanOrEqual(28);
    const skus = await listSkusForSale(ctx);
    expect(skus.some((s) => s.weighed && s.unit === '斤')).toBe(true);
    for (const s of skus) {
      expect(Number.isSafeInteger(s.priceFen) && s.priceFen > 0).toBe(true);
      if (s.barcode) expect(ean13(s.barcode.slice(0, 12))).toBe(s.barcode);
    }
    const levels = await getLevels(ctx, skus.map((s) => s.skuId));
    expect([...levels.values()].every((l) => l.onHand > 0 && l.reserved === 0)).toBe(true);
    expect(seeded.skuIds.get('光明鲜牛奶 · 950ml/瓶')).toBeDefined();
  });

  it('computes GS1 check digits', () => {
    expect(ean13('690123456789')).toBe('6901234567892');
    expect(ean13('400638133393')).toBe('4006381333931');
  });
});
