import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../testing/api.js';
import { makeTenant, TEST_PASSWORD } from '../../testing/factories.js';
import { createProduct, createSupplier } from './index.js';

describe('catalog console API', async () => {
  const t = await createTestApp();
  const tenant = await makeTenant(t.database.db);
  const owner = await t.loginStaff(tenant.ownerLogin, TEST_PASSWORD);
  const manager = await t.loginStaff((await tenant.addStaff('manager')).login, TEST_PASSWORD);
  const clerk = await t.loginStaff((await tenant.addStaff('staff')).login, TEST_PASSWORD);
  const send = (method: 'POST' | 'PATCH', url: string, payload: object, cookie = owner) =>
    t.app.inject({ method, url, headers: { cookie, 'x-linli-csrf': '1' }, payload });
  const get = (url: string, cookie = owner) => t.app.inject({ method: 'GET', url, headers: { cookie } });
  const productCount = async () => (await get('/api/console/products')).json().length as number;

  const fruit = (await send('POST', '/api/console/categories', { name: '水果', sort: 1 })).json();
  const supplier = (await send('POST', '/api/console/suppliers', { name: '南汇果园', contact: '王师傅', phone: '138-0000-1111', casePackDefault: 12 })).json();

  it('creates a product with SKUs in fen, case packs defaulting to the supplier’s', async () => {
    const res = await send('POST', '/api/console/products', {
      name: '麒麟西瓜',
      description: '南汇8424，沙甜',
      categoryId: fruit.id,
      skus: [
        { spec: '整个约8斤', unit: '个', priceFen: 3990, supplierId: supplier.id, barcode: '6900000000011' },
        { spec: '半个', unit: '份', priceFen: 2100, weighed: true, casePack: 1 },
      ],
    });
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({ name: '麒麟西瓜', categoryId: fruit.id, active: true, images: [] });
    expect(p.skus).toEqual([
      expect.objectContaining({ spec: '整个约8斤', priceFen: 3990, casePack: 12, supplierId: supplier.id, barcode: '6900000000011', weighed: false }),
      expect.objectContaining({ spec: '半个', priceFen: 2100, casePack: 1, supplierId: null, barcode: null, weighed: true }),
    ]);
    expect((await get(`/api/console/products/${p.id}`, clerk)).json()).toEqual(p);
    expect((await get(`/api/console/products?q=西瓜&categoryId=${fruit.id}`, clerk)).json().map((x: { id: string }) => x.id)).toEqual([p.id]);
  });

  it('lets staff read the catalog but only owner and managers change it', async () => {
    const before = await productCount();
    const body = { name: '鸡蛋', skus: [{ spec: '10枚/盒', unit: '盒', priceFen: 1290 }] };
    const res = await send('POST', '/api/console/products', body, clerk);
    expect([res.statusCode, res.json().code]).toEqual([403, 'FORBIDDEN']);
    expect((await send('POST', '/api/console/categories', { name: '蛋奶' }, clerk)).statusCode).toBe(403);
    expect((await send('PATCH', `/api/console/suppliers/${supplier.id}`, { phone: '1' }, clerk)).statusCode).toBe(403);
    expect((await get('/api/console/suppliers', clerk)).statusCode).toBe(200);
    expect((await send('POST', '/api/console/products', body, manager)).statusCode).toBe(200);
    expect(await productCount()).toBe(before + 1);
  });

  it('refuses bad input and changes nothing', async () => {
    const before = await productCount();
    const bad = [
      { name: '', skus: [{ spec: 'x', unit: '个', priceFen: 100 }] },
      { name: '苹果', skus: [] },
      { name: '苹果', skus: [{ spec: '1斤', unit: '斤', priceFen: -1 }] },
      { name: '苹果', skus: [{ spec: '1斤', unit: '斤', priceFen: 9.9 }] },
      { name: '苹果', skus: [{ spec: '1斤', unit: '斤', priceFen: 990, casePack: 0 }] },
    ];
    for (const body of bad) {
      const res = await send('POST', '/api/console/products', body);
      expect([res.statusCode, res.json().code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    // the second SKU refers to another store's supplier: the first SKU is not written either
    const other = await makeTenant(t.database.db);
    const theirs = await createSupplier(other.ctx(), { name: '别家供应商' });
    const res = await send('POST', '/api/console/products', {
      name: '苹果',
      skus: [
        { spec: '1斤', unit: '斤', priceFen: 990 },
        { spec: '5斤', unit: '箱', priceFen: 4500, supplierId: theirs.id },
      ],
    });
    expect([res.statusCode, res.json().code]).toEqual([404, 'SUPPLIER_NOT_FOUND']);
    const wrongCategory = await send('POST', '/api/console/products', { name: '梨', categoryId: crypto.randomUUID(), skus: [{ spec: '1斤', unit: '斤', priceFen: 690 }] });
    expect(wrongCategory.json().code).toBe('CATEGORY_NOT_FOUND');
    expect(await productCount()).toBe(before);
  });

  it('keeps barcodes unique in a store, also within one request', async () => {
    const before = await productCount();
    const mk = (barcode: string, barcode2?: string) =>
      send('POST', '/api/console/products', {
        name: '牛奶',
        skus: [
          { spec: '250ml', unit: '盒', priceFen: 350, barcode },
          ...(barcode2 ? [{ spec: '1L', unit: '盒', priceFen: 1290, barcode: barcode2 }] : []),
        ],
      });
    expect((await mk('6900000000028')).statusCode).toBe(200);
    const taken = await mk('6900000000028');
    expect([taken.statusCode, taken.json().code]).toEqual([409, 'BARCODE_TAKEN']);
    expect((await mk('6900000000035', '6900000000035')).json().code).toBe('BARCODE_TAKEN');
    expect(await productCount()).toBe(before + 1);
    // another store may use the same barcode
    const other = await makeTenant(t.database.db);
    await expect(createProduct(other.ctx(), { name: '牛奶', skus: [{ spec: '250ml', unit: '盒', priceFen: 350, barcode: '6900000000028' }] })).resolves.toBeTruthy();
  });

  it('changes a product: fields, SKU changes and additions, never another product’s SKU', async () => {
    const p = (await send('POST', '/api/console/products', { name: '大米', skus: [{ spec: '5kg', unit: '袋', priceFen: 3990 }] })).json();
    const q = (await send('POST', '/api/console/products', { name: '面粉', skus: [{ spec: '2.5kg', unit: '袋', priceFen: 1890 }] })).json();
    const res = await send('PATCH', `/api/console/products/${p.id}`, {
      name: '东北大米',
      categoryId: null,
      skus: [{ id: p.skus[0].id, priceFen: 4290 }, { spec: '10kg', unit: '袋', priceFen: 7990, supplierId: supplier.id }],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().name).toBe('东北大米');
    expect(res.json().skus.map((s: { spec: string; priceFen: number; casePack: number }) => [s.spec, s.priceFen, s.casePack])).toEqual([
      ['5kg', 4290, 1],
      ['10kg', 7990, 12],
    ]);
    const foreign = await send('PATCH', `/api/console/products/${p.id}`, { name: '偷梁换柱', skus: [{ id: q.skus[0].id, priceFen: 1 }] });
    expect(foreign.json().code).toBe('SKU_NOT_FOUND');
    const after = (await get(`/api/console/products/${q.id}`)).json();
    expect(after.skus[0].priceFen).toBe(1890);
    expect((await get(`/api/console/products/${p.id}`)).json().name).toBe('东北大米');
    const badId = await send('PATCH', `/api/console/products/${p.id}`, { skus: [{ id: 'oops', spec: '1kg', unit: '袋', priceFen: 100 }] });
    expect(badId.json().code).toBe('VALIDATION_FAILED');
    expect((await get(`/api/console/products/${p.id}`)).json().skus).toHaveLength(2);
    const missing = await send('PATCH', `/api/console/products/${crypto.randomUUID()}`, { active: false });
    expect(missing.json().code).toBe('PRODUCT_NOT_FOUND');
  });

  it('manages categories and suppliers of the store only', async () => {
    const dup = await send('POST', '/api/console/categories', { name: '水果' });
    expect([dup.statusCode, dup.json().code]).toEqual([409, 'CONFLICT']);
    const changed = await send('PATCH', `/api/console/suppliers/${supplier.id}`, { casePackDefault: 6, active: false });
    expect(changed.json()).toMatchObject({ casePackDefault: 6, active: false, name: '南汇果园' });
    const empty = await send('PATCH', `/api/console/suppliers/${supplier.id}`, {});
    expect(empty.json().code).toBe('VALIDATION_FAILED');
    const other = await makeTenant(t.database.db);
    const otherOwner = await t.loginStaff(other.ownerLogin, TEST_PASSWORD);
    expect((await send('PATCH', `/api/console/suppliers/${supplier.id}`, { name: 'x' }, otherOwner)).json().code).toBe('SUPPLIER_NOT_FOUND');
    expect((await get('/api/console/categories', otherOwner)).json()).toEqual([]);
    expect((await get('/api/console/products', otherOwner)).json()).toEqual([]);
    expect((await get('/api/console/categories', clerk)).json().map((c: { name: string }) => c.name)).toEqual(['水果']);
  });

  it('documents its routes and the stock routes in the OpenAPI document', async () => {
    const paths = Object.keys((await t.app.inject('/api/openapi.json')).json().paths);
    for (const p of ['/api/console/products', '/api/console/products/{id}/images', '/api/shop/{slug}/products', '/api/console/stock/receive']) {
      expect(paths).toContain(p);
    }
  });
});
