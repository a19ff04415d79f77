import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { parseConfig } from '../../config.js';
import { ManualClock } from '../../kernel/clock.js';
import { makeTenant, TEST_PASSWORD } from '../../testing/factories.js';
import { createTestDatabase } from '../../testing/test-db.js';
import { createProduct } from './index.js';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
const JPG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 1)]);

function multipart(bytes: Buffer, filename: string, type: string) {
  const boundary = `----linli${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

describe('product images', async () => {
  // this file builds its own app so uploads land in a temp DATA_DIR, not the repo's ./data
  const dataDir = mkdtempSync(join(tmpdir(), 'linli-media-'));
  const mediaDir = join(dataDir, 'media');
  const database = await createTestDatabase();
  const linli = await buildApp({
    config: parseConfig({ NODE_ENV: 'test', SEED_DEMO: '0', DATA_DIR: dataDir }),
    database,
    clock: new ManualClock(new Date()),
  });
  afterAll(async () => {
    await linli.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const tenant = await makeTenant(database.db);
  const login = async (l: string) => {
    const res = await linli.app.inject({ method: 'POST', url: '/api/auth/staff/login', headers: { 'x-linli-csrf': '1' }, payload: { login: l, password: TEST_PASSWORD } });
    return `linli_staff=${res.cookies.find((c) => c.name === 'linli_staff')!.value}`;
  };
  const owner = await login(tenant.ownerLogin);
  const clerk = await login((await tenant.addStaff('staff')).login);
  const product = await createProduct(tenant.ctx(), { name: '草莓', skus: [{ spec: '300g/盒', unit: '盒', priceFen: 2990 }] });
  const upload = (bytes: Buffer, filename = 'x.png', type = 'image/png', cookie = owner, productId = product.id) => {
    const body = multipart(bytes, filename, type);
    return linli.app.inject({
      method: 'POST',
      url: `/api/console/products/${productId}/images`,
      headers: { cookie, 'x-linli-csrf': '1', 'content-type': body.contentType },
      payload: body.payload,
    });
  };
  const files = () => (existsSync(mediaDir) ? readdirSync(mediaDir) : []);

  it('stores an image under a random name and serves it with the type its bytes prove', async () => {
    // the client calls it .gif: the bytes say JPEG, and JPEG it is
    const res = await upload(JPG, '../../etc/evil.gif', 'image/gif');
    expect(res.statusCode).toBe(200);
    const [image] = res.json().images;
    expect(image.file).toMatch(/^[0-9a-f]{32}\.jpg$/);
    expect(image.url).toBe(`/api/media/${image.file}`);
    expect(files()).toEqual([image.file]);
    const served = await linli.app.inject({ method: 'GET', url: image.url });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(served.rawPayload.equals(JPG)).toBe(true);
    const png = await upload(PNG);
    expect(png.json().images.map((i: { file: string }) => i.file.slice(-3))).toEqual(['jpg', 'png']);
  });

  it('rejects what is not a JPG/PNG/WebP or is too large, keeping nothing', async () => {
    const before = files().length;
    const text = await upload(Buffer.from('<svg onload="alert(1)"></svg>'), 'cat.png', 'image/png');
    expect([text.statusCode, text.json().code]).toEqual([400, 'IMAGE_INVALID']);
    const big = await upload(Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]));
    expect([big.statusCode, big.json().code]).toEqual([400, 'IMAGE_INVALID']);
    const json = await linli.app.inject({
      method: 'POST',
      url: `/api/console/products/${product.id}/images`,
      headers: { cookie: owner, 'x-linli-csrf': '1' },
      payload: { file: 'nope' },
    });
    expect(json.statusCode).toBe(400);
    expect(files()).toHaveLength(before);
  });

  it('lets only owner and managers upload, only to their own products', async () => {
    const before = files().length;
    expect((await upload(PNG, 'a.png', 'image/png', clerk)).statusCode).toBe(403);
    const other = await makeTenant(database.db);
    const theirs = await createProduct(other.ctx(), { name: '别家的', skus: [{ spec: '1', unit: '个', priceFen: 1 }] });
    const res = await upload(PNG, 'a.png', 'image/png', owner, theirs.id);
    expect(res.json().code).toBe('PRODUCT_NOT_FOUND');
    expect(files()).toHaveLength(before);
  });

  it('serves nothing outside the media directory', async () => {
    for (const url of [
      '/api/media/..%2F..%2Fetc%2Fpasswd',
      '/api/media/%2e%2e%2fconfig.ts',
      '/api/media/..',
      `/api/media/${'a'.repeat(32)}.jpg`,
      `/api/media/${'a'.repeat(32)}.svg`,
    ]) {
      const res = await linli.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
    }
  });
});
