import jsqr, { type QRCode } from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../../testing/api.js';
import { makeTenant } from '../../../testing/factories.js';
import { createProduct } from '../../catalog/index.js';
import { createSession } from '../../tenancy/index.js';
import { createCampaign } from '../campaigns/create-campaign.js';
import { POSTER_HEIGHT, POSTER_WIDTH } from '../contract.js';

// jsqr is CommonJS with an ES-style default in its types
type Decode = (data: Uint8ClampedArray, width: number, height: number) => QRCode | null;
const mod = jsqr as unknown as Decode & { default?: Decode };
const jsQR: Decode = mod.default ?? mod;
const t = await createTestApp();
const db = t.database.db;

/** The PNG's size from its IHDR chunk, and the text of the QR code found in its pixels. */
function readPoster(body: Buffer) {
  expect([...body.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const png = PNG.sync.read(body);
  const qr = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
  return { width: body.readUInt32BE(16), height: body.readUInt32BE(20), decoded: { width: png.width, height: png.height }, qr: qr?.data ?? null };
}

describe('the campaign share poster (PNG)', () => {
  it('staff and the public get a 750×1334 PNG whose QR code is the share URL; drafts are not public', async () => {
    const tenant = await makeTenant(db, { clock: t.clock });
    const ctx = tenant.ctx();
    const p = await createProduct(ctx, { name: '阳山水蜜桃', skus: [{ spec: '6只装', unit: '盒', priceFen: 5000 }] });
    const now = t.clock.now().getTime();
    const window = { openAt: new Date(now - 60_000).toISOString(), cutoffAt: new Date(now + 3_600_000).toISOString(), pickupDate: '2099-01-02' };
    const items = [{ skuId: p.skus[0]!.id, priceFen: 3990, tiers: [{ minQty: 10, priceFen: 3590 }, { minQty: 30, priceFen: 3290 }] }];
    const open = await createCampaign(ctx, { title: '水蜜桃接龙 & <第二期>', status: 'open', minKind: 'buyers', minValue: 5, ...window, items }, tenant.slug);
    const draft = await createCampaign(ctx, { title: '草稿', ...window, items }, tenant.slug);
    const staff = `linli_staff=${(await createSession(db, { kind: 'staff', orgId: tenant.orgId, storeId: tenant.storeId, subjectId: tenant.ownerId, now: t.clock.now() })).token}`;
    const get = (url: string, cookie = '') => t.app.inject({ method: 'GET', url, headers: { host: 'linli.example.cn', ...(cookie ? { cookie } : {}) } });

    const shop = await get(`/api/shop/${tenant.slug}/campaigns/${open.id}/poster.png`);
    expect(shop.statusCode).toBe(200);
    expect(shop.headers['content-type']).toBe('image/png');
    const poster = readPoster(shop.rawPayload);
    expect(poster).toMatchObject({ width: POSTER_WIDTH, height: POSTER_HEIGHT, decoded: { width: POSTER_WIDTH, height: POSTER_HEIGHT } });
    expect(poster.qr).toBe(`http://linli.example.cn${open.sharePath}`);

    const console = await get(`/api/console/campaigns/${draft.id}/poster.png`, staff);
    expect(console.statusCode).toBe(200);
    expect(readPoster(console.rawPayload).qr).toBe(`http://linli.example.cn${draft.sharePath}`);

    expect((await get(`/api/shop/${tenant.slug}/campaigns/${draft.id}/poster.png`)).json().code).toBe('CAMPAIGN_NOT_FOUND');
    expect((await get(`/api/console/campaigns/${open.id}/poster.png`)).statusCode).toBe(401);
    // another store's slug never reaches this campaign
    const other = await makeTenant(db, { clock: t.clock });
    expect((await get(`/api/shop/${other.slug}/campaigns/${open.id}/poster.png`)).statusCode).toBe(404);
  });
});
