import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { outboxEvents } from '../../events/tables.js';
import { createTestApp } from '../../testing/api.js';
import { tenantSnapshot } from '../../testing/tenant-snapshot.js';
import { http, liveStore, staffCookie } from './testing.js';
import { liveStreamKeys } from './tables.js';

describe('live: stream keys, shows and status (api)', async () => {
  const t = await createTestApp();
  const db = t.database.db;
  const store = () => liveStore(t, db, t.clock.now());

  it('creates a key for a host, shows it once, stores only its hash, and lets it publish', async () => {
    const { tenant, owner } = await store();
    const res = await owner.post('/api/console/live/stream-keys', { label: 'OBS 柜台' });
    expect(res.statusCode).toBe(200);
    const k = res.json();
    expect(k.streamKey).toMatch(/^lk_[A-Za-z0-9_-]{32}$/);
    expect(k.server).toBe('rtmp://localhost:1935/live');
    expect(k.url).toBe(`rtmp://localhost:1935/live/${k.streamKey}`);
    expect(k.host.staffId).toBe(tenant.ownerId);

    const list = (await owner.get('/api/console/live/stream-keys')).json();
    expect(list).toHaveLength(1);
    expect(JSON.stringify(list)).not.toContain(k.streamKey);
    expect(list[0].keyHint).toBe(`…${k.streamKey.slice(-4)}`);
    const rows = await db.select().from(liveStreamKeys).where(eq(liveStreamKeys.storeId, tenant.storeId));
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(k.streamKey);

    expect(t.live.registry.authorize(k.streamKey)).toMatchObject({ channelId: k.id, storeId: tenant.storeId, hostStaffId: tenant.ownerId });
    expect(t.live.registry.authorize(`${k.streamKey}x`)).toBeNull();
  });

  it('rotating gives a new key and kills the old one; a revoked key cannot publish or be rotated', async () => {
    const { owner } = await store();
    const k = (await owner.post('/api/console/live/stream-keys', {})).json();
    const r = (await owner.post(`/api/console/live/stream-keys/${k.id}/rotate`)).json();
    expect(r.id).toBe(k.id);
    expect(r.streamKey).not.toBe(k.streamKey);
    expect(t.live.registry.authorize(k.streamKey)).toBeNull();
    expect(t.live.registry.authorize(r.streamKey)?.channelId).toBe(k.id);

    const revoked = await owner.post(`/api/console/live/stream-keys/${k.id}/revoke`);
    expect(revoked.json()).toMatchObject({ status: 'revoked' });
    expect(t.live.registry.authorize(r.streamKey)).toBeNull();
    expect((await owner.post(`/api/console/live/stream-keys/${k.id}/revoke`)).statusCode).toBe(200);
    const again = await owner.post(`/api/console/live/stream-keys/${k.id}/rotate`);
    expect(again.json().code).toBe('STREAM_KEY_REVOKED');

    const types = await db
      .select({ type: outboxEvents.type, payload: outboxEvents.payload })
      .from(outboxEvents)
      .where(sql`payload->>'streamKeyId' = ${k.id}`);
    expect(types.map((e) => e.type).sort()).toEqual(['live.stream_key_created', 'live.stream_key_revoked', 'live.stream_key_rotated']);
    expect(JSON.stringify(types)).not.toContain(k.streamKey.slice(3));
  });

  it('lets only owners and managers manage keys, for hosts of their own store', async () => {
    const { tenant, owner } = await store();
    const clerk = await tenant.addStaff('staff');
    const asClerk = http(t, await staffCookie(db, tenant, clerk.id, t.clock.now()));
    expect((await asClerk.get('/api/console/live/stream-keys')).statusCode).toBe(403);
    expect((await asClerk.post('/api/console/live/stream-keys', {})).statusCode).toBe(403);

    // a key for the clerk as host is fine; a host from another store is not
    const forClerk = await owner.post('/api/console/live/stream-keys', { hostStaffId: clerk.id });
    expect(forClerk.json().host).toMatchObject({ staffId: clerk.id });
    const other = await store();
    const bad = await owner.post('/api/console/live/stream-keys', { hostStaffId: other.tenant.ownerId });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('LIVE_HOST_INVALID');
  });

  it('never lets one store touch or see another store\'s keys and shows', async () => {
    const a = await store();
    const b = await store();
    const k = (await a.owner.post('/api/console/live/stream-keys', {})).json();
    await a.owner.post('/api/console/live/shows', { title: '今晚8点草莓专场', scheduledAt: new Date(Date.now() + 3_600_000).toISOString() }, { 'idempotency-key': 'show-key-0001' });
    const before = await tenantSnapshot(db, a.tenant);
    expect((await b.owner.post(`/api/console/live/stream-keys/${k.id}/revoke`)).json().code).toBe('STREAM_KEY_NOT_FOUND');
    expect((await b.owner.post(`/api/console/live/stream-keys/${k.id}/rotate`)).json().code).toBe('STREAM_KEY_NOT_FOUND');
    expect((await b.owner.get('/api/console/live/stream-keys')).json()).toEqual([]);
    expect((await b.owner.get('/api/console/live/shows')).json()).toEqual([]);
    expect(await tenantSnapshot(db, a.tenant)).toBe(before);
    const [row] = await db.select().from(liveStreamKeys).where(eq(liveStreamKeys.id, k.id));
    expect(row!.status).toBe('active');
  });

  it('schedules a show once per Idempotency-Key and announces it to neighbours', async () => {
    const { tenant, owner } = await store();
    const at = new Date(t.clock.now().getTime() + 2 * 3_600_000).toISOString();
    const body = { title: '今晚8点草莓专场', scheduledAt: at };
    expect((await owner.post('/api/console/live/shows', body)).json().code).toBe('IDEMPOTENCY_KEY_REQUIRED');
    const first = await owner.post('/api/console/live/shows', body, { 'idempotency-key': 'schedule-0001' });
    const again = await owner.post('/api/console/live/shows', body, { 'idempotency-key': 'schedule-0001' });
    expect(first.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect(first.json()).toMatchObject({ status: 'scheduled', scheduledAt: at, startedAt: null });
    expect((await owner.get('/api/console/live/shows')).json()).toHaveLength(1);

    const pub = await t.app.inject(`/api/shop/${tenant.slug}/live/current`);
    expect(pub.json()).toEqual({ show: null, playback: null, next: { id: first.json().id, title: body.title, scheduledAt: at, access: 'public', locked: false } });
  });

  it('reports every active key as idle while nothing is pushed', async () => {
    const { owner } = await store();
    const k = (await owner.post('/api/console/live/stream-keys', { label: '手机' })).json();
    const s = (await owner.get('/api/console/live/status')).json();
    // the media server is not started in api tests (no port is opened)
    expect(s.rtmpServer).toBeNull();
    expect(s.streams).toEqual([expect.objectContaining({ streamKeyId: k.id, label: '手机', state: 'idle', flvViewers: 0 })]);
  });

  it('answers 404 for the video of a show that is not on air', async () => {
    const { owner } = await store();
    const show = (await owner.post('/api/console/live/shows', { title: 'x', scheduledAt: new Date().toISOString() }, { 'idempotency-key': 'schedule-0002' })).json();
    const flv = await t.app.inject(`/media/shows/${show.id}.flv`);
    expect(flv.statusCode).toBe(404);
    expect(flv.json().code).toBe('LIVE_SHOW_NOT_ON_AIR');
    expect((await t.app.inject(`/media/shows/${show.id}/index.m3u8`)).statusCode).toBe(404);
    expect((await t.app.inject(`/media/shows/${show.id}/..%2F..%2Fetc%2Fpasswd`)).statusCode).toBe(400);
  });
});
