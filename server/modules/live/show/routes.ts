import { z } from 'zod';
import type { AppDeps } from '../../../app.js';
import { shopCtx, staffCtx } from '../../../http/context.js';
import type { App } from '../../../http/types.js';
import { IDEMPOTENCY_HEADER, idempotent } from '../../../idempotency/idempotent.js';
import type { StaffRole } from '../../../kernel/ctx.js';
import { CurrentShow, RoomState, ShopShowCard, ShowRoomSettings, ShowRoomSettingsBody } from '../contract.js';
import { INVITE_COOKIE } from '../room/directory.js';
import { slugOf } from '../room/routes.js';
import { inviteTokensOf } from '../room/socket.js';
import { originOf, sendPng, warnOnce } from '../../../poster/index.js';
import { currentShow } from './current.js';
import { extrasOf } from './extras.repo.js';
import { showPoster } from './poster.js';
import { reserveReminder } from './reminders.js';
import { listShopShows, roomState, type RoomMedia } from './room-state.js';
import { setRoomSettings } from './set-room-settings.js';

const tags = ['live'];
const MANAGERS: StaffRole[] = ['owner', 'manager'];
const Slug = z.string().min(1).max(64);

/** Show extras: room settings (console), the shop's list of shows, a room's state, reminders. */
export function registerShowRoutes(app: App, deps: AppDeps, o: { media: RoomMedia; forget(showId: string): void }): void {
  app.post(
    '/api/console/live/shows/:id/room-settings',
    {
      schema: {
        tags,
        summary: '直播间设置：封面、商品、观看权限 Room settings: cover, products, access',
        params: z.object({ id: z.uuid() }),
        body: ShowRoomSettingsBody,
        response: { 200: ShowRoomSettings },
      },
    },
    async (req) => {
      const ctx = await staffCtx(deps.ctx, req, MANAGERS);
      return setRoomSettings(ctx, await slugOf(ctx), req.params.id, req.body, o.forget);
    },
  );

  const warn = warnOnce(deps.log);
  app.get(
    '/api/console/live/shows/:id/poster.png',
    { schema: { tags, summary: '直播海报 Show poster (PNG 750×1334; the QR carries the invite for invite-only rooms)', params: z.object({ id: z.uuid() }) } },
    async (req, reply) => {
      const ctx = await staffCtx(deps.ctx, req);
      const png = await showPoster(ctx, req.params.id, { origin: originOf(deps.config.PUBLIC_URL, req), slug: await slugOf(ctx), visitor: null, warn });
      return sendPng(reply, png, 'private, no-store');
    },
  );
  app.get(
    '/api/shop/:slug/live/shows/:id/poster.png',
    {
      schema: {
        tags,
        summary: '直播海报 Show poster for neighbours who may enter the room (PNG)',
        params: z.object({ slug: Slug, id: z.uuid() }),
        querystring: z.object({ invite: z.string().max(64).optional() }),
      },
    },
    async (req, reply) => {
      const ctx = await shopCtx(deps.ctx, req, req.params.slug, { required: false });
      const inviteTokens = [...(req.query.invite ? [req.query.invite] : []), ...inviteTokensOf(req)];
      const png = await showPoster(ctx, req.params.id, { origin: originOf(deps.config.PUBLIC_URL, req), slug: req.params.slug, visitor: { customerId: ctx.customerId, inviteTokens }, warn });
      return sendPng(reply, png, 'private, max-age=60');
    },
  );

  app.get(
    '/api/shop/:slug/live/current',
    {
      schema: {
        tags,
        summary: '正在直播 The live show and how to play it, and the next one (a members-only show the visitor may not enter: locked, untitled; an invite-only one: not named)',
        params: z.object({ slug: Slug }),
        querystring: z.object({ invite: z.string().max(64).optional() }),
        response: { 200: CurrentShow },
      },
    },
    async (req) => {
      const ctx = await shopCtx(deps.ctx, req, req.params.slug, { required: false });
      return currentShow(ctx, { customerId: ctx.customerId, inviteTokens: inviteTokensOf(req) }, o.media);
    },
  );

  app.get(
    '/api/shop/:slug/live/shows',
    { schema: { tags, summary: '直播预告与回放 Upcoming, live and recent shows', params: z.object({ slug: Slug }), response: { 200: z.array(ShopShowCard) } } },
    async (req) => {
      const ctx = await shopCtx(deps.ctx, req, req.params.slug, { required: false });
      return listShopShows(ctx, ctx.customerId);
    },
  );

  app.get(
    '/api/shop/:slug/live/shows/:id',
    {
      schema: {
        tags,
        summary: '直播间 The room: show, playback, pin, counters, my state (?invite= for invite-only rooms)',
        params: z.object({ slug: Slug, id: z.uuid() }),
        querystring: z.object({ invite: z.string().max(64).optional() }),
        response: { 200: RoomState },
      },
    },
    async (req, reply) => {
      const ctx = await shopCtx(deps.ctx, req, req.params.slug, { required: false });
      const tokens = inviteTokensOf(req);
      const state = await roomState(ctx, req.params.slug, req.params.id, { customerId: ctx.customerId, inviteTokens: tokens }, o.media);
      const given = req.query.invite;
      if (given && state.show.access === 'invite' && (await extrasOf(ctx, req.params.id))?.inviteToken === given) {
        // remembered for the WebSocket handshake and later visits (the last five invite links)
        const kept = [given, ...tokens.filter((t) => t !== given)].slice(0, 5).join('.');
        reply.setCookie(INVITE_COOKIE, kept, { path: '/', httpOnly: true, sameSite: 'lax', secure: deps.ctx.secureCookies, maxAge: 30 * 86_400 });
      }
      return state;
    },
  );

  app.post(
    '/api/shop/:slug/live/shows/:id/reminder',
    {
      schema: {
        tags,
        summary: '开播提醒 Remind me when the show starts (Idempotency-Key)',
        params: z.object({ slug: Slug, id: z.uuid() }),
        response: { 200: z.object({ showId: z.uuid(), reminded: z.literal(true) }) },
      },
    },
    async (req) => {
      const ctx = await shopCtx(deps.ctx, req, req.params.slug);
      const key = req.headers[IDEMPOTENCY_HEADER] as string | undefined;
      return idempotent(ctx, 'live.reminder', key, { showId: req.params.id, customerId: ctx.customerId }, (tx) =>
        reserveReminder(tx, req.params.id, ctx.customerId!, inviteTokensOf(req)),
      );
    },
  );
}
