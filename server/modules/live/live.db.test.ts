import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { outboxEvents } from '../../events/tables.js';
import { HOUR, ManualClock } from '../../kernel/clock.js';
import { makeTenant } from '../../testing/factories.js';
import { createTestDatabase } from '../../testing/test-db.js';
import { liveShows } from './tables.js';
import type { LiveGrant } from './stream-key.repo.js';
import { createStreamKey, type StreamKeyListener } from './use-cases/create-stream-key.js';
import { endShow } from './use-cases/end-show.js';
import { scheduleShow } from './use-cases/schedule-show.js';
import { startShow } from './use-cases/start-show.js';

const noop: StreamKeyListener = { activated: () => {}, deactivated: () => {} };

describe('live: a push starts a show, silence ends it (db)', async () => {
  const database = await createTestDatabase();
  const db = database.db;

  async function world(at = '2026-11-25T11:55:00Z') {
    const clock = new ManualClock(new Date(at));
    const tenant = await makeTenant(db, { clock });
    const ctx = tenant.ctx();
    const key = await createStreamKey(ctx, { label: '' }, noop);
    const grant: LiveGrant = { channelId: key.view.id, orgId: tenant.orgId, storeId: tenant.storeId, hostStaffId: tenant.ownerId };
    const show = async (id: string) => (await db.select().from(liveShows).where(eq(liveShows.id, id)))[0]!;
    const events = async (type: string) =>
      db.select().from(outboxEvents).where(and(eq(outboxEvents.storeId, tenant.storeId), eq(outboxEvents.type, type)));
    return { clock, tenant, ctx, grant, show, events };
  }

  it('starts the scheduled show nearest in time, not one far away or of another host', async () => {
    const w = await world();
    const now = w.clock.now().getTime();
    const clerk = await w.tenant.addStaff('staff');
    await scheduleShow(w.ctx, { title: '下周专场', scheduledAt: new Date(now + 7 * 24 * HOUR).toISOString() });
    await scheduleShow(w.ctx, { title: '小美的场', scheduledAt: new Date(now).toISOString(), hostStaffId: clerk.id });
    await scheduleShow(w.ctx, { title: '上午场', scheduledAt: new Date(now - 3 * HOUR).toISOString() });
    const tonight = await scheduleShow(w.ctx, { title: '今晚8点', scheduledAt: new Date(now + 5 * 60_000).toISOString() });

    const { showId } = await startShow(w.ctx, w.grant);
    expect(showId).toBe(tonight.id);
    expect(await w.show(showId)).toMatchObject({ status: 'live', startedAt: w.clock.now(), streamKeyId: w.grant.channelId, hostStaffId: w.tenant.ownerId });
    const [started] = await w.events('live.show_started');
    expect(started!.payload).toMatchObject({ showId, adHoc: false, title: '今晚8点' });
  });

  it('opens an ad-hoc show titled with the store-local time when nothing is scheduled nearby', async () => {
    const w = await world('2026-11-25T12:05:00Z'); // 20:05 in Asia/Shanghai
    await scheduleShow(w.ctx, { title: '明晚', scheduledAt: new Date(w.clock.now().getTime() + 24 * HOUR).toISOString() });
    const { showId } = await startShow(w.ctx, w.grant);
    expect(await w.show(showId)).toMatchObject({ title: '临时直播 11-25 20:05', status: 'live', scheduledAt: null });
  });

  it('continues the key\'s live show instead of opening a second one', async () => {
    const w = await world();
    const a = await startShow(w.ctx, w.grant);
    const b = await startShow(w.ctx, w.grant);
    expect(b.showId).toBe(a.showId);
    expect(await w.events('live.show_started')).toHaveLength(1);
  });

  it('ends a live show once, with its duration; ending again changes nothing', async () => {
    const w = await world();
    const { showId } = await startShow(w.ctx, w.grant);
    w.clock.advance(90 * 60_000);
    await endShow(w.ctx, showId);
    await endShow(w.ctx, showId);
    expect(await w.show(showId)).toMatchObject({ status: 'ended', endedAt: w.clock.now() });
    const ended = await w.events('live.show_ended');
    expect(ended).toHaveLength(1);
    expect(ended[0]!.payload).toMatchObject({ showId, durationSeconds: 5400 });
    // the key can start a new show afterwards
    expect((await startShow(w.ctx, w.grant)).showId).not.toBe(showId);
  });

  it('does not end another store\'s show', async () => {
    const a = await world();
    const b = await world();
    const { showId } = await startShow(a.ctx, a.grant);
    await endShow(b.ctx, showId);
    expect((await a.show(showId)).status).toBe('live');
  });
});
