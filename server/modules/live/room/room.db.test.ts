import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../kernel/clock.js';
import { MemoryBus, Realtime } from '../../../realtime/index.js';
import { makeTenant } from '../../../testing/factories.js';
import { createTestDatabase } from '../../../testing/test-db.js';
import { findOrCreateCustomerByPhone } from '../../customers/index.js';
import { notificationTables } from '../../notifications/index.js';
import { showSalesStats } from '../commerce/index.js';
import { reserveReminder, sendReminders } from '../show/reminders.js';
import { createStreamKey } from '../use-cases/create-stream-key.js';
import { endShow } from '../use-cases/end-show.js';
import { scheduleShow } from '../use-cases/schedule-show.js';
import { startShow } from '../use-cases/start-show.js';
import { RoomActivity, viewerKey } from './activity.js';
import type { RoomShow } from './directory.js';
import { showStats } from './figures.js';
import { drawGiveaway, enterGiveaway, openGiveaway } from './giveaway.js';
import { presentViewers, viewersNow } from './presence.repo.js';

const S = 1000;

describe('live room: presence, stats, reminders, giveaways (db)', async () => {
  const database = await createTestDatabase();
  const db = database.db;

  /** a store with a show that went live at T0 (ManualClock), an activity tracker and neighbours */
  async function liveWorld() {
    const clock = new ManualClock(new Date('2026-11-25T12:00:00Z'));
    const tenant = await makeTenant(db, { clock });
    const ctx = tenant.ctx();
    const show = await scheduleShow(ctx, { title: '今晚草莓专场', scheduledAt: clock.now().toISOString() });
    const key = await createStreamKey(ctx, { label: '' }, { activated: () => {}, deactivated: () => {} });
    const grant = { channelId: key.view.id, orgId: tenant.orgId, storeId: tenant.storeId, hostStaffId: tenant.ownerId };
    const rt = new Realtime(new MemoryBus());
    const activity = new RoomActivity({ db, clock, outboxWake: () => {}, realtime: rt });
    const room: RoomShow = { id: show.id, orgId: tenant.orgId, storeId: tenant.storeId, slug: tenant.slug, status: 'live', access: 'public', inviteToken: null };
    const neighbour = async (phone: string) => (await findOrCreateCustomerByPhone(ctx, phone)).customerId;
    const beat = (customerId: string | null, device = 'phone') => activity.heartbeat(room, viewerKey(customerId, '10.0.0.1', device), customerId);
    const at = (sec: number) => clock.set(new Date(Date.parse('2026-11-25T12:00:00Z') + sec * S));
    return { clock, tenant, ctx, show, grant, activity, neighbour, beat, at, start: () => startShow(ctx, grant) };
  }

  it('counts unique and peak viewers and watch time from a scripted session', async () => {
    const w = await liveWorld();
    const a = await w.neighbour('13900000001');
    const b = await w.neighbour('13900000002');
    await w.beat(a); // before the show is live: not recorded
    expect(await viewersNow(w.ctx, w.show.id)).toBe(0);
    await w.start();

    // A watches 0…80 s; B 40…100 s, away, back 200…220 s (a new session: the gap adds nothing);
    // an anonymous phone 60…80 s. All three are present at 60 s.
    const script: Array<[number, Array<string | null>]> = [
      [0, [a]], [20, [a]], [40, [a, b]], [60, [a, b, null]], [80, [a, null]], [100, [b]], [200, [b]], [220, [b]],
    ];
    const present: Record<number, string[]> = {};
    for (const [sec, who] of script) {
      w.at(sec);
      for (const c of who) await w.beat(c);
      present[sec] = (await presentViewers(w.ctx, w.show.id)).sort();
    }
    expect(present[60]).toEqual([a, b].sort());
    expect(present[200]).toEqual([b]); // A's last beat was 120 s ago
    expect(await viewersNow(w.ctx, w.show.id)).toBe(1);

    w.at(230);
    await endShow(w.ctx, w.show.id);
    w.at(240);
    await w.beat(b); // after the end: not counted
    const s = await showStats(w.ctx, w.show.id, showSalesStats);
    expect(s).toMatchObject({
      status: 'ended',
      uniqueViewers: 3,
      signedInViewers: 2,
      peakViewers: 3,
      peakAt: '2026-11-25T12:01:00.000Z',
      watchMinutes: 3, // A 80 s + B 80 s + phone 20 s
      avgWatchMinutes: 1,
      durationMinutes: 3.8,
    });
    expect(s.sales).toMatchObject({ orders: 0, gmvFen: 0 });
  });

  it('keeps viewers of another store out of presence', async () => {
    const w = await liveWorld();
    await w.start();
    await w.beat(await w.neighbour('13900000011'));
    const other = await makeTenant(db, { clock: w.clock });
    expect(await presentViewers(other.ctx(), w.show.id)).toEqual([]);
    expect(await presentViewers(w.ctx, w.show.id)).toHaveLength(1);
  });

  it('sends each reminder exactly once, however often the start is delivered', async () => {
    const w = await liveWorld();
    const ids = [await w.neighbour('13900000021'), await w.neighbour('13900000022')];
    for (const id of ids) await reserveReminder({ ...w.ctx, actor: { kind: 'customer', customerId: id } }, w.show.id, id);
    await reserveReminder(w.ctx, w.show.id, ids[0]!); // again: one reminder
    await w.start();
    const sent = await Promise.all([1, 2, 3].map(() => sendReminders(w.ctx, w.show.id, { slug: w.tenant.slug, baseUrl: 'https://linli.example' })));
    expect(sent.reduce((x, y) => x + y, 0)).toBe(2);
    expect(await sendReminders(w.ctx, w.show.id, { slug: w.tenant.slug, baseUrl: '' })).toBe(0);
    const msgs = await db
      .select()
      .from(notificationTables.messages)
      .where(and(eq(notificationTables.messages.storeId, w.tenant.storeId), sql`${notificationTables.messages.params}->>'showId' = ${w.show.id}`));
    expect(msgs.map((m) => m.customerId).sort()).toEqual([...ids].sort());
    expect(msgs[0]!.body).toContain(`「今晚草莓专场」开播啦，快来直播间：https://linli.example/live/${w.tenant.slug}/${w.show.id}`);
    await expect(reserveReminder(w.ctx, w.show.id, ids[0]!)).rejects.toMatchObject({ code: 'LIVE_REMINDER_CLOSED' });
  });

  it('draws giveaway winners only among entrants present at draw time', async () => {
    const w = await liveWorld();
    await w.start();
    const [stay1, stay2, left, lurker] = await Promise.all(['13900000031', '13900000032', '13900000033', '13900000034'].map(w.neighbour));
    const wins = new Map<string, number>();
    for (let round = 0; round < 40; round++) {
      const g = await openGiveaway(w.ctx, w.show.id, { prize: '草莓一盒', durationSec: 60 });
      w.clock.advance(1 * S);
      for (const c of [stay1!, stay2!, left!]) await enterGiveaway({ ...w.ctx, actor: { kind: 'customer', customerId: c } }, c, g.id);
      await enterGiveaway(w.ctx, stay1!, g.id); // twice: one entry
      for (const c of [stay1!, stay2!, left!, lurker!]) await w.beat(c);
      w.clock.advance(40 * S);
      for (const c of [stay1!, stay2!, lurker!]) await w.beat(c); // `left` stops watching
      w.clock.advance(30 * S); // left's last beat is 70 s old now
      const d = await drawGiveaway(w.ctx, g.id);
      expect(d).toMatchObject({ status: 'drawn', entrants: 3, eligible: 2 });
      expect([stay1, stay2]).toContain(d.winnerCustomerId);
      expect(d.winner).toMatch(/^139\*{4}\d{4}$/);
      wins.set(d.winnerCustomerId!, (wins.get(d.winnerCustomerId!) ?? 0) + 1);
      expect((await drawGiveaway(w.ctx, g.id)).winnerCustomerId).toBe(d.winnerCustomerId); // drawn once
      await expect(enterGiveaway(w.ctx, lurker!, g.id)).rejects.toMatchObject({ code: 'LIVE_GIVEAWAY_CLOSED' });
    }
    expect([...wins.keys()].sort()).toEqual([stay1, stay2].sort()); // both can win; nobody else does

    const empty = await openGiveaway(w.ctx, w.show.id, { prize: '鸡蛋', durationSec: 60 });
    await enterGiveaway(w.ctx, left!, empty.id);
    await expect(drawGiveaway(w.ctx, empty.id)).rejects.toMatchObject({ code: 'LIVE_GIVEAWAY_NO_ELIGIBLE' });
  });
});
