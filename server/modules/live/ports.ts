import type { Ctx } from '../../kernel/ctx.js';
import type { OrderView } from '../orders/index.js';

/** A presale (接龙) campaign as the live room shows it: the group-buy channel's summary. */
export interface PresaleSummary {
  id: string;
  title: string;
  status: string;
  /** the lowest price a join pays now across the items (fen) */
  lowestPriceFen: number;
  cutoffAt: string;
  joined: number;
  goal: number;
  minKind: 'buyers' | 'qty';
  sharePath: string;
  imageUrl: string | null;
}

export interface PresaleJoinInput {
  items: Array<{ itemId: string; qty: number }>;
  slotId?: string | null;
  paymentMethod: 'sandbox' | 'pay_at_pickup';
  note?: string;
}

/** The order a join placed (the orders core's view). */
export type PresaleOrder = OrderView;

/**
 * What the live room needs of presale campaigns. Live never imports group buy: server/app.ts
 * implements this port with the group-buy module's functions.
 */
export interface PresalePort {
  /** open campaigns of the ctx's store */
  listOpen(ctx: Ctx): Promise<PresaleSummary[]>;
  /** CAMPAIGN_NOT_FOUND for a campaign not of the ctx's store */
  summary(ctx: Ctx, campaignId: string): Promise<PresaleSummary>;
  /** a neighbour joins; the order carries `sourceRef` (`live:<showId>`); runs in the caller's transaction */
  join(ctx: Ctx, customerId: string, campaignId: string, input: PresaleJoinInput, opts: { sourceRef: string }): Promise<PresaleOrder>;
}

/** Who is watching a show now (heartbeat within the last minute): customer ids. */
export type PresencePort = (ctx: Ctx, showId: string) => Promise<string[]>;
