import { describe, expect, it } from 'vitest';
import { isAppError } from '../../kernel/errors.js';
import { makeTenant } from '../../testing/factories.js';
import { createTestDatabase } from '../../testing/test-db.js';
import { createProduct, createSupplier, getSkusForSale, listSkusForSale, updateProduct } from './index.js';

describe('SKUs for sale', async () => {
  const database = await createTestDatabase({ poolSize: 20 });
  const tenant = await makeTenant(database.db);
  const ctx = tenant.ctx();

  it('returns the store’s own SKUs with what a channel needs; other ids are absent', async () => {
    const supplier = await createSupplier(ctx, { name: '光明乳业', casePackDefault: 24 });
    const p = await createProduct(ctx, {
      name: '鲜牛奶',
      skus: [
        { spec: '950ml', unit: '瓶', priceFen: 1580, supplierId: supplier.id, barcode: '6901234567892' },
        { spec: '250ml', unit: '盒', priceFen: 450, active: false },
      ],
    });
    const other = await makeTenant(database.db);
    const theirs = await createProduct(other.ctx(), { name: '别家牛奶', skus: [{ spec: '1L', unit: '瓶', priceFen: 1 }] });
    const ids = [...p.skus.map((s) => s.id), theirs.skus[0]!.id, crypto.randomUUID(), 'not-a-uuid'];
    const found = await getSkusForSale(ctx, ids);
    expect([...found.keys()].sort()).toEqual(p.skus.map((s) => s.id).sort());
    expect(found.get(p.skus[0]!.id)).toEqual({
      skuId: p.skus[0]!.id,
      productId: p.id,
      productName: '鲜牛奶',
      spec: '950ml',
      unit: '瓶',
      priceFen: 1580,
      weighed: false,
      active: true,
      barcode: '6901234567892',
      supplierId: supplier.id,
      casePack: 24,
      imageUrl: null,
      noShowPolicy: 'refund',
    });
    expect(found.get(p.skus[1]!.id)?.active).toBe(false);
    // a deactivated product makes all its SKUs inactive for sale
    await updateProduct(ctx, p.id, { active: false });
    expect((await getSkusForSale(ctx, [p.skus[0]!.id])).get(p.skus[0]!.id)?.active).toBe(false);
    expect((await listSkusForSale(other.ctx())).map((s) => s.skuId)).toEqual([theirs.skus[0]!.id]);
  });

  it('lets only one of two concurrent products take a barcode', async () => {
    const make = () => createProduct(ctx, { name: '可乐', skus: [{ spec: '330ml', unit: '罐', priceFen: 300, barcode: '6954767410173' }] });
    const results = await Promise.allSettled([make(), make(), make()]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(isAppError(r.reason, 'BARCODE_TAKEN')).toBe(true);
  });
});
