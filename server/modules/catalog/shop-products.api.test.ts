import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../testing/api.js';
import { makeTenant } from '../../testing/factories.js';
import { receive, reserve } from '../inventory/index.js';
import { createCategory, createProduct } from './index.js';

describe('shop product list', async () => {
  const t = await createTestApp();
  const tenant = await makeTenant(t.database.db);
  const ctx = tenant.ctx();

  it('shows active products and SKUs with price and available stock, nothing internal', async () => {
    const veg = await createCategory(ctx, { name: '蔬菜', sort: 2 });
    const fruit = await createCategory(ctx, { name: '水果', sort: 1 });
    const greens = await createProduct(ctx, {
      name: '上海青',
      categoryId: veg.id,
      skus: [
        { spec: '约500g', unit: '份', priceFen: 350, weighed: true, barcode: '2000000000015' },
        { spec: '整箱', unit: '箱', priceFen: 3000, active: false },
      ],
    });
    const apples = await createProduct(ctx, { name: '烟台苹果', categoryId: fruit.id, skus: [{ spec: '4个装', unit: '袋', priceFen: 1280 }] });
    await createProduct(ctx, { name: '已下架', active: false, skus: [{ spec: '1', unit: '个', priceFen: 100 }] });
    await receive(ctx, { skuId: greens.skus[0]!.id, qty: 30 });
    await reserve(ctx, { skuId: greens.skus[0]!.id, qty: 4, channel: 'groupbuy', expiresAt: null });

    const res = await t.app.inject({ method: 'GET', url: `/api/shop/${tenant.slug}/products` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([
      {
        id: apples.id,
        name: '烟台苹果',
        description: '',
        category: { id: fruit.id, name: '水果' },
        imageUrls: [],
        skus: [{ skuId: apples.skus[0]!.id, spec: '4个装', unit: '袋', priceFen: 1280, weighed: false, available: 0 }],
      },
      {
        id: greens.id,
        name: '上海青',
        description: '',
        category: { id: veg.id, name: '蔬菜' },
        imageUrls: [],
        skus: [{ skuId: greens.skus[0]!.id, spec: '约500g', unit: '份', priceFen: 350, weighed: true, available: 26 }],
      },
    ]);
  });

  it('shows one store’s products only, and says when the store does not exist', async () => {
    const other = await makeTenant(t.database.db);
    expect((await t.app.inject({ method: 'GET', url: `/api/shop/${other.slug}/products` })).json()).toEqual([]);
    const missing = await t.app.inject({ method: 'GET', url: '/api/shop/no-such-store/products' });
    expect([missing.statusCode, missing.json().code]).toEqual([404, 'STORE_NOT_FOUND']);
  });
});
