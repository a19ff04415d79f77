import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AppDeps } from '../../../app.js';
import { systemCtx } from '../../../db/system-ctx.js';
import type { App } from '../../../http/types.js';
import type { Job } from '../../../jobs/scheduler.js';
import { AppError } from '../../../kernel/errors.js';
import { relayToRealtime, topics } from '../../../realtime/index.js';
import { storeById } from '../../tenancy/index.js';
import { showSalesStats } from '../commerce/index.js';
import type { PresalePort } from '../ports.js';
import { registerReplayRoute } from '../show/replay-route.js';
import { sendReminders } from '../show/reminders.js';
import type { RoomMedia } from '../show/room-state.js';
import { registerShowRoutes } from '../show/routes.js';
import type { LiveVideo } from '../video.js';
import { RoomActivity } from './activity.js';
import { RoomChat, type RoomDeps } from './chat.js';
import { mayEnter, RoomDirectory } from './directory.js';
import { registerRoomRoutes } from './routes.js';
import { visitorOf, wireRoomSocket } from './socket.js';
import './events.js';

export const ROOM_PRESENCE_JOB = 'live.room-presence';
/** once a second: likes written and sent, giveaway entrant counts sent (the room's counters) */
export const ROOM_LIKES_JOB = 'live.room-likes';

/**
 * The live room: `room:<showId>` on the WebSocket (access, chat, likes, heartbeats), the relays
 * of committed room events (pin, chat_removed, giveaway, show_status), reminders on the show's
 * start, and the routes of the room and of the show extras. Returns its jobs.
 */
export function registerLiveRoom(app: App, deps: AppDeps, o: { video: LiveVideo; presale?: PresalePort }): Job[] {
  const { db } = deps.ctx;
  const d: RoomDeps = { db, clock: deps.clock, outboxWake: deps.ctx.outboxWake, realtime: deps.realtime };
  const directory = new RoomDirectory(db);
  const chat = new RoomChat(d);
  const activity = new RoomActivity(d);
  wireRoomSocket(deps.realtime, directory, chat, activity);

  const rt = deps.realtime;
  const dispatcher = deps.dispatcher;
  relayToRealtime(dispatcher, rt, 'live.pinned', (e) => ({ topic: topics.room(e.payload.showId), type: 'pin', payload: { pinned: e.payload.pinned, at: e.payload.at } }));
  relayToRealtime(dispatcher, rt, 'live.chat_removed', (e) => ({ topic: topics.room(e.payload.showId), type: 'chat_removed', payload: { messageId: e.payload.messageId, at: e.payload.at } }));
  relayToRealtime(dispatcher, rt, 'live.giveaway_changed', (e) => {
    const { giveawayId, prize, status, endsAt, entrants, winner } = e.payload;
    return { topic: topics.room(e.payload.showId), type: 'giveaway', payload: { giveawayId, prize, status, endsAt, entrants, winner } };
  });
  relayToRealtime(dispatcher, rt, 'live.show_started', (e) => ({ topic: topics.room(e.payload.showId), type: 'show_status', payload: { status: 'live', at: e.payload.startedAt } }));
  relayToRealtime(dispatcher, rt, 'live.show_ended', (e) => ({ topic: topics.room(e.payload.showId), type: 'show_status', payload: { status: 'ended', at: e.payload.endedAt } }));
  for (const type of ['live.show_started', 'live.show_ended', 'live.room_settings_changed'] as const) {
    dispatcher.on(type, (e) => directory.forget(e.payload.showId));
  }

  const baseUrl = deps.config.PUBLIC_URL?.replace(/\/$/, '') ?? '';
  // reminders: marked sent and queued in one transaction, so a redelivered event sends nothing twice
  dispatcher.on('live.show_started', async (e) => {
    const ctx = systemCtx(db, e, 'live.reminders', { clock: deps.clock, outboxWake: deps.ctx.outboxWake });
    const store = await storeById(db, e.orgId, e.storeId);
    await sendReminders(ctx, e.payload.showId, { slug: store?.slug ?? '', baseUrl });
  });

  const recording = (showId: string) => join(o.video.media.recordingsDir(), `${showId}.mp4`);
  const media: RoomMedia = {
    playback: (showId) => {
      const p = o.video.media.playback(showId);
      if (!p.flv) return null;
      return { flvUrl: `${baseUrl}/media/shows/${showId}.flv`, hlsUrl: p.hls ? `${baseUrl}/media/shows/${showId}/index.m3u8` : null };
    },
    replayUrl: (showId) => (existsSync(recording(showId)) ? `${baseUrl}/media/replays/${showId}.mp4` : null),
  };
  registerRoomRoutes(app, deps, { presale: o.presale, sales: showSalesStats, activity });
  registerShowRoutes(app, deps, { media, forget: (id) => directory.forget(id) });
  // a replay is watched by whoever may enter the room: members / invite holders / the store's staff
  registerReplayRoute(app, async (showId, req) => {
    const show = await directory.get(showId);
    if (!show || show.status !== 'ended') return null;
    if (show.access === 'public') return recording(showId);
    const visitor = await visitorOf(deps.ctx, req, show);
    if (!mayEnter(show, visitor)) throw new AppError('LIVE_ROOM_RESTRICTED', { access: show.access, signedIn: visitor.customerId !== null });
    return recording(showId);
  });

  app.addHook('onClose', async () => void (await activity.flushCounters().catch(() => {})));
  return [
    { name: ROOM_LIKES_JOB, everyMs: 1_000, run: () => activity.flushCounters() },
    {
      name: ROOM_PRESENCE_JOB,
      everyMs: 10_000,
      run: async () => {
        chat.prune();
        await activity.tick();
      },
    },
  ];
}
