import { z } from 'zod';
import type { AppDeps } from '../../../app.js';
import { shopCtx, staffCtx } from '../../../http/context.js';
import type { App } from '../../../http/types.js';
import { IDEMPOTENCY_HEADER, idempotent } from '../../../idempotency/idempotent.js';
import type { Ctx, StaffRole } from '../../../kernel/ctx.js';
import { storeById } from '../../tenancy/index.js';
import {
  BlockBody,
  ConsoleGiveaway,
  ConsoleRoom,
  GiveawayView,
  LiveRoomSettings,
  MuteBody,
  OpenGiveawayBody,
  PinBody,
  PinnedView,
  ShowSalesStats,
  ShowStats,
} from '../contract.js';
import type { PresalePort } from '../ports.js';
import { consoleRoom, showStats } from './figures.js';
import { drawGiveaway, enterGiveaway, openGiveaway } from './giveaway.js';
import { blockedWords } from './moderation.repo.js';
import { blockViewer, muteViewer, removeChatMessage, setBlockedWords } from './moderate.js';
import { pinInRoom } from './pin.js';
import { inviteTokensOf } from './socket.js';
import type { RoomActivity } from './activity.js';

const tags = ['live'];
const MANAGERS: StaffRole[] = ['owner', 'manager'];
const ShowParams = z.object({ id: z.uuid() });
const Slug = z.string().min(1).max(64);

export interface RoomRoutesDeps {
  presale?: PresalePort;
  sales(ctx: Ctx, showId: string): Promise<ShowSalesStats>;
  /** told of each committed giveaway entry (the room's entrant count is sent coalesced) */
  activity: Pick<RoomActivity, 'giveawayEntered'>;
}

export const slugOf = async (ctx: Ctx) => (await storeById(ctx.db, ctx.orgId, ctx.storeId))?.slug ?? '';

/** Host console of a room (moderation, pins, giveaways, figures) and the shop's giveaway entry. */
export function registerRoomRoutes(app: App, deps: AppDeps, r: RoomRoutesDeps): void {
  const staff = (req: Parameters<typeof staffCtx>[1], roles?: StaffRole[]) => staffCtx(deps.ctx, req, roles);

  app.get(
    '/api/console/live/shows/:id/room',
    { schema: { tags, summary: '直播间实时数据与弹幕 Room figures and chat for moderation', params: ShowParams, response: { 200: ConsoleRoom } } },
    async (req) => {
      const ctx = await staff(req);
      return consoleRoom(ctx, await slugOf(ctx), req.params.id);
    },
  );

  app.get(
    '/api/console/live/shows/:id/stats',
    { schema: { tags, summary: '直播复盘 After-show stats', params: ShowParams, response: { 200: ShowStats } } },
    async (req) => showStats(await staff(req), req.params.id, r.sales),
  );

  app.post(
    '/api/console/live/shows/:id/pin',
    { schema: { tags, summary: '讲解中：置顶商品或接龙 Pin a product or campaign (kind null unpins)', params: ShowParams, body: PinBody, response: { 200: z.object({ pinned: PinnedView.nullable() }) } } },
    async (req) => pinInRoom(await staff(req), req.params.id, req.body, r.presale),
  );

  app.post(
    '/api/console/live/shows/:id/chat/:messageId/remove',
    {
      schema: {
        tags,
        summary: '删除弹幕 Remove a chat line for everyone',
        params: z.object({ id: z.uuid(), messageId: z.uuid() }),
        response: { 200: z.object({ messageId: z.uuid(), removed: z.literal(true) }) },
      },
    },
    async (req) => removeChatMessage(await staff(req), req.params.id, req.params.messageId),
  );

  app.post(
    '/api/console/live/shows/:id/mute',
    { schema: { tags, summary: '禁言（分钟，0 为解除）Mute a neighbour in this show', params: ShowParams, body: MuteBody, response: { 200: z.object({ customerId: z.uuid(), until: z.string().nullable() }) } } },
    async (req) => muteViewer(await staff(req), req.params.id, req.body),
  );

  app.post(
    '/api/console/live/shows/:id/block',
    { schema: { tags, summary: '拉黑（全店直播间）Block a neighbour from every room of the store', params: ShowParams, body: BlockBody, response: { 200: z.object({ customerId: z.uuid(), blocked: z.boolean() }) } } },
    async (req) => blockViewer(await staff(req), req.params.id, req.body),
  );

  app.get(
    '/api/console/live/settings',
    { schema: { tags, summary: '直播间屏蔽词 Blocked words', response: { 200: LiveRoomSettings } } },
    async (req) => ({ blockedWords: await blockedWords(await staff(req)) }),
  );

  app.put(
    '/api/console/live/settings',
    { schema: { tags, summary: '设置屏蔽词 Set blocked words', body: LiveRoomSettings, response: { 200: LiveRoomSettings } } },
    async (req) => setBlockedWords(await staff(req, MANAGERS), req.body),
  );

  app.post(
    '/api/console/live/shows/:id/giveaways',
    { schema: { tags, summary: '发起抽奖 Open a giveaway (Idempotency-Key)', params: ShowParams, body: OpenGiveawayBody, response: { 200: ConsoleGiveaway } } },
    async (req) => {
      const ctx = await staff(req);
      const key = req.headers[IDEMPOTENCY_HEADER] as string | undefined;
      return idempotent(ctx, 'live.open_giveaway', key, { showId: req.params.id, ...req.body }, (tx) => openGiveaway(tx, req.params.id, req.body));
    },
  );

  app.post(
    '/api/console/live/giveaways/:id/draw',
    { schema: { tags, summary: '开奖（仅在场参与者）Draw among entrants watching now', params: ShowParams, response: { 200: ConsoleGiveaway } } },
    async (req) => drawGiveaway(await staff(req), req.params.id),
  );

  app.post(
    '/api/shop/:slug/live/giveaways/:id/enter',
    { schema: { tags, summary: '参与抽奖 Enter a giveaway (no purchase needed)', params: z.object({ slug: Slug, id: z.uuid() }), response: { 200: GiveawayView } } },
    async (req) => {
      const ctx = await shopCtx(deps.ctx, req, req.params.slug);
      const entered = await enterGiveaway(ctx, ctx.customerId!, req.params.id, inviteTokensOf(req));
      r.activity.giveawayEntered(entered.showId, entered.id);
      return entered;
    },
  );
}
