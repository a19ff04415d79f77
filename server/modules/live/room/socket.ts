import type { FastifyRequest } from 'fastify';
import { shopCtx, staffCtx, type CtxDeps } from '../../../http/context.js';
import { AppError, isAppError } from '../../../kernel/errors.js';
import type { Realtime, SubscriberIdentity } from '../../../realtime/index.js';
import { viewerKey, type RoomActivity } from './activity.js';
import type { RoomChat } from './chat.js';
import { INVITE_COOKIE, mayEnter, type RoomDirectory, type RoomShow, type Visitor } from './directory.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Invite tokens a browser holds: ?invite= on the request, and those remembered in the cookie. */
export function inviteTokensOf(req: FastifyRequest): string[] {
  const q = (req.query as Record<string, unknown> | undefined)?.invite;
  const fromCookie = req.cookies?.[INVITE_COOKIE]?.split('.') ?? [];
  return [...(typeof q === 'string' ? [q] : []), ...fromCookie].filter((t) => t.length > 0 && t.length <= 64);
}

/** Who is asking over plain HTTP (a replay's byte ranges): neighbour of the show's store, staff, invites. */
export async function visitorOf(deps: CtxDeps, req: FastifyRequest, show: RoomShow): Promise<Visitor> {
  const none = (e: unknown) => {
    if (isAppError(e)) return null;
    throw e;
  };
  const [shop, staff] = await Promise.all([shopCtx(deps, req, show.slug, { required: false }).catch(none), staffCtx(deps, req).catch(none)]);
  return { customerId: shop?.customerId ?? null, staffStoreId: staff?.storeId ?? null, inviteTokens: inviteTokensOf(req) };
}

async function roomOf(dir: RoomDirectory, topic: string): Promise<RoomShow | null> {
  const id = topic.slice('room:'.length);
  return UUID.test(id) ? dir.get(id) : null;
}

async function customerOf(who: SubscriberIdentity, show: RoomShow): Promise<string | null> {
  return (await who.shop(show.slug))?.customerId ?? null;
}

/**
 * `room:<showId>`: who may subscribe (the room's access), and what a subscriber may send: chat
 * (signed-in neighbours; limits and moderation in RoomChat), like, heartbeat (presence).
 */
export function wireRoomSocket(rt: Realtime, dir: RoomDirectory, chat: RoomChat, activity: RoomActivity): void {
  rt.authorize('room', async (topic, who) => {
    const show = await roomOf(dir, topic);
    if (!show) return false;
    const [staff, customerId] = await Promise.all([who.staff(), customerOf(who, show)]);
    return mayEnter(show, { customerId, staffStoreId: staff?.storeId ?? null, inviteTokens: inviteTokensOf(who.req) });
  });

  const showOf = async (topic: string) => {
    const show = await roomOf(dir, topic);
    if (!show) throw new AppError('LIVE_SHOW_NOT_FOUND', { topic });
    return show;
  };

  rt.onClientMessage('chat', {
    prefix: 'room',
    handle: async ({ topic, payload, who }) => {
      const show = await showOf(topic);
      const customerId = await customerOf(who, show);
      if (!customerId) throw new AppError('UNAUTHENTICATED');
      await chat.send(show, customerId, payload.text);
    },
  });

  rt.onClientMessage('like', {
    prefix: 'room',
    rate: { burst: 10, perSecond: 5 },
    handle: async ({ topic, payload }) => activity.like(await showOf(topic), payload.n),
  });

  rt.onClientMessage('heartbeat', {
    prefix: 'room',
    rate: { burst: 3, perSecond: 0.2 },
    handle: async ({ topic, who }) => {
      const show = await showOf(topic);
      const customerId = await customerOf(who, show);
      const ua = String(who.req.headers['user-agent'] ?? '');
      await activity.heartbeat(show, viewerKey(customerId, who.req.ip, ua), customerId);
    },
  });
}
