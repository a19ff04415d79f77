import jsqr, { type QRCode } from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../../testing/api.js';
import { roomWorld } from '../room/testing.js';

// jsqr is CommonJS with an ES-style default in its types
type Decode = (data: Uint8ClampedArray, width: number, height: number) => QRCode | null;
const mod = jsqr as unknown as Decode & { default?: Decode };
const jsQR: Decode = mod.default ?? mod;

/** The text of the QR code found in a PNG's pixels (and its size). */
function readPoster(body: Buffer) {
  const png = PNG.sync.read(body);
  const qr = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
  return { width: png.width, height: png.height, qr: qr?.data ?? null };
}

describe('the show share poster (PNG)', async () => {
  const t = await createTestApp();
  const get = (url: string, cookie = '') => t.app.inject({ method: 'GET', url, headers: { host: 'linli.example.cn', ...(cookie ? { cookie } : {}) } });

  it("encodes the room's link; an invite-only room's poster carries the invite and only staff or an invite holder get it", async () => {
    const w = await roomWorld(t, { live: false });
    const shopUrl = `/api/shop/${w.tenant.slug}/live/shows/${w.showId}/poster.png`;
    const pub = await get(shopUrl);
    expect(pub.statusCode).toBe(200);
    expect(pub.headers['content-type']).toBe('image/png');
    expect(readPoster(pub.rawPayload)).toEqual({ width: 750, height: 1334, qr: `http://linli.example.cn/live/${w.tenant.slug}/${w.showId}` });

    const settings = (await w.owner.post(`/api/console/live/shows/${w.showId}/room-settings`, { access: 'invite' })).json();
    const invite = settings.inviteToken as string;
    expect(invite).toBeTruthy();
    expect((await get(shopUrl)).json().code).toBe('LIVE_ROOM_RESTRICTED');
    const staff = await get(`/api/console/live/shows/${w.showId}/poster.png`, w.ownerCookie);
    expect(readPoster(staff.rawPayload).qr).toBe(`http://linli.example.cn/live/${w.tenant.slug}/${w.showId}?invite=${invite}`);
    expect(readPoster((await get(`${shopUrl}?invite=${invite}`)).rawPayload).qr).toContain(`?invite=${invite}`);
    expect((await get(`${shopUrl}?invite=wrong-token`)).statusCode).toBe(403);
    // the console poster needs a staff session; another store's slug does not reach this show
    expect((await get(`/api/console/live/shows/${w.showId}/poster.png`)).statusCode).toBe(401);
    const other = await roomWorld(t, { live: false });
    expect((await get(`/api/shop/${other.tenant.slug}/live/shows/${w.showId}/poster.png?invite=${invite}`)).statusCode).toBe(404);
  });
});
