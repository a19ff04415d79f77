import { z } from 'zod';

/** Group buying (接龙 / presale): shapes shared by the server routes and web/ (browser-safe). */

export const CampaignStatusSchema = z.enum(['draft', 'open', 'closed', 'formed', 'failed', 'cancelled']);
export type CampaignStatus = z.infer<typeof CampaignStatusSchema>;

const fen = z.number().int().min(0).max(100_000_000);
const qty = z.number().int().min(1).max(1_000_000);

export const LadderTierSchema = z.object({ minQty: qty, priceFen: fen });

export const CampaignItemInput = z.object({
  /** kept when editing an existing item (its counters stay); new items have none */
  id: z.uuid().optional(),
  skuId: z.uuid(),
  priceFen: fen,
  /** 阶梯团: on the total sold of this item, each tier cheaper than the one before */
  tiers: z.array(LadderTierSchema).max(10).default([]),
  totalCap: qty.nullable().default(null),
  perPersonCap: qty.nullable().default(null),
});
export const SlotInput = z.object({ id: z.uuid().optional(), label: z.string().trim().min(1).max(60), capacity: z.number().int().min(1).max(100_000) });

export const CampaignInput = z.object({
  title: z.string().trim().min(1).max(80),
  description: z.string().trim().max(2000).default(''),
  status: z.enum(['draft', 'open']).default('draft'),
  openAt: z.iso.datetime(),
  cutoffAt: z.iso.datetime(),
  pickupDate: z.iso.date(),
  minKind: z.enum(['buyers', 'qty']).default('buyers'),
  minValue: z.number().int().min(0).max(1_000_000).default(0),
  items: z.array(CampaignItemInput).min(1).max(50),
  slots: z.array(SlotInput).max(20).default([]),
});
export type CampaignInput = z.input<typeof CampaignInput>;
export type CampaignData = z.output<typeof CampaignInput>;

export const CampaignItemView = z.object({
  id: z.uuid(),
  skuId: z.uuid(),
  productName: z.string(),
  spec: z.string(),
  unit: z.string(),
  imageUrl: z.string().nullable(),
  supplierId: z.uuid().nullable(),
  /** the campaign's base price */
  priceFen: fen,
  /** what a join pays now (the ladder tier reached by the total sold) */
  currentPriceFen: fen,
  tiers: z.array(LadderTierSchema),
  totalCap: z.number().int().nullable(),
  perPersonCap: z.number().int().nullable(),
  sold: z.number().int(),
  /** null: no total cap */
  remaining: z.number().int().nullable(),
});
export type CampaignItemView = z.infer<typeof CampaignItemView>;

export const SlotView = z.object({ id: z.uuid(), label: z.string(), capacity: z.number().int(), booked: z.number().int() });

export const ProgressView = z.object({
  buyers: z.number().int(),
  qty: z.number().int(),
  minKind: z.enum(['buyers', 'qty']),
  minValue: z.number().int(),
  reached: z.boolean(),
});

export const CampaignView = z.object({
  id: z.uuid(),
  storeId: z.uuid(),
  title: z.string(),
  description: z.string(),
  status: CampaignStatusSchema,
  openAt: z.iso.datetime(),
  cutoffAt: z.iso.datetime(),
  pickupDate: z.string(),
  minKind: z.enum(['buyers', 'qty']),
  minValue: z.number().int(),
  items: z.array(CampaignItemView),
  slots: z.array(SlotView),
  progress: ProgressView,
  /** the link a neighbour forwards: /shop/<slug>/c/<campaignId> */
  sharePath: z.string(),
  decidedAt: z.iso.datetime().nullable(),
  settledAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type CampaignView = z.infer<typeof CampaignView>;

/** One 接龙 line as others see it: "张** 2份" (never a phone or full name), the buyer's own in full. */
export const EntryView = z.object({ seq: z.number().int(), who: z.string(), summary: z.string(), at: z.iso.datetime(), mine: z.boolean() });
export type EntryView = z.infer<typeof EntryView>;

export const PublicCampaignView = CampaignView.omit({ decidedAt: true, settledAt: true, items: true }).extend({
  items: z.array(CampaignItemView.omit({ supplierId: true })),
  /** server time, for the countdown */
  now: z.iso.datetime(),
  entries: z.array(EntryView),
});
export type PublicCampaignView = z.infer<typeof PublicCampaignView>;

export const JoinBody = z.object({
  items: z.array(z.object({ itemId: z.uuid(), qty: z.number().int().min(1).max(999) })).min(1).max(50),
  slotId: z.uuid().nullable().default(null),
  paymentMethod: z.enum(['sandbox', 'pay_at_pickup']),
  note: z.string().trim().max(200).optional(),
});
export type JoinBody = z.input<typeof JoinBody>;

/**
 * The share poster (PNG 750×1334: store, title, main product and price — "低至" the lowest ladder
 * tier —, 成团 goal, cut-off and pickup date in the store's zone, a QR of the share URL).
 *   GET /api/console/campaigns/:id/poster.png          staff, any status
 *   GET /api/shop/:slug/campaigns/:id/poster.png       public, open / closed / formed campaigns only
 */
export const POSTER_WIDTH = 750;
export const POSTER_HEIGHT = 1334;
export const posterPath = {
  console: (campaignId: string) => `/api/console/campaigns/${campaignId}/poster.png`,
  shop: (slug: string, campaignId: string) => `/api/shop/${slug}/campaigns/${campaignId}/poster.png`,
};

/** What another channel (the live room) shows of a campaign: summariseCampaign / listOpenCampaigns. */
export const CampaignSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  status: CampaignStatusSchema,
  /** the lowest price a join pays now across the items (fen) */
  lowestPriceFen: fen,
  cutoffAt: z.iso.datetime(),
  /** 成团 progress: distinct buyers or units (by minKind) against the goal */
  joined: z.number().int(),
  goal: z.number().int(),
  minKind: z.enum(['buyers', 'qty']),
  sharePath: z.string(),
  imageUrl: z.string().nullable(),
});
export type CampaignSummary = z.infer<typeof CampaignSummary>;

/**
 * The shop home's list of the store's campaigns taking joins now (public: no names, no phones):
 *   GET /api/shop/:slug/campaigns → ShopCampaignList (the soonest cut-off first)
 */
export const ShopCampaignCard = z.object({
  id: z.uuid(),
  title: z.string(),
  cutoffAt: z.iso.datetime(),
  pickupDate: z.string(),
  items: z.array(CampaignItemView.pick({ id: true, productName: true, spec: true, unit: true, imageUrl: true, priceFen: true, currentPriceFen: true, tiers: true, remaining: true })),
  progress: ProgressView,
  /** /shop/<slug>/c/<campaignId> */
  sharePath: z.string(),
});
export type ShopCampaignCard = z.infer<typeof ShopCampaignCard>;
export const ShopCampaignList = z.object({ now: z.iso.datetime(), campaigns: z.array(ShopCampaignCard) });
export type ShopCampaignList = z.infer<typeof ShopCampaignList>;

/**
 * 未提货 ladder of a group-buy order that is ready_for_pickup after its campaign's pickup date:
 * waiting → reminded (pickup day 18:00 store time) → closed (after the grace days: refunded or
 * store credit per product policy, unpaid ones cancelled; the held stock released to sale).
 *   GET /api/console/no-shows?step=… → NoShowView[]
 *   GET /api/console/groupbuy/settings → GroupbuySettings; PUT (owner/manager) GroupbuySettingsInput
 */
export const NoShowStepSchema = z.enum(['waiting', 'reminded', 'closed']);
export type NoShowStep = z.infer<typeof NoShowStepSchema>;
export const NoShowOutcomeSchema = z.enum(['refund', 'store_credit', 'mixed', 'cancelled_unpaid', 'picked_up', 'withdrawn']);
export type NoShowOutcome = z.infer<typeof NoShowOutcomeSchema>;

export const NoShowView = z.object({
  orderId: z.uuid(),
  campaignId: z.uuid(),
  campaignTitle: z.string(),
  pickupDate: z.string(),
  pickupCode: z.string(),
  customer: z.object({ id: z.uuid(), name: z.string(), phone: z.string() }).nullable(),
  totalFen: fen,
  step: NoShowStepSchema,
  /** when the reminder goes out / went out */
  remindAt: z.iso.datetime(),
  remindedAt: z.iso.datetime().nullable(),
  /** when the order is closed as a no-show / was closed */
  closeAt: z.iso.datetime(),
  closedAt: z.iso.datetime().nullable(),
  outcome: NoShowOutcomeSchema.nullable(),
  refundFen: fen,
  creditFen: fen,
});
export type NoShowView = z.infer<typeof NoShowView>;
export const NoShowQuery = z.object({ step: NoShowStepSchema.optional() });

export const GroupbuySettings = z.object({ noShowGraceDays: z.number().int().min(0).max(30) });
export type GroupbuySettings = z.infer<typeof GroupbuySettings>;

/** Presale availability of SKUs (console, owner/manager): what a campaign item's total cap may count. */
export const AvailabilityQuery = z.object({
  /** comma-separated SKU ids, at most 50 */
  skuIds: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(,[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}){0,49}$/i),
});
export const SkuAvailabilityView = z.object({
  skuId: z.uuid(),
  onHand: z.number().int(),
  reserved: z.number().int(),
  /** on hand − reserved: on the shelf and promised to nobody */
  available: z.number().int(),
  /** 在途: ordered − received on purchase orders sent to the supplier and not yet fully received */
  incoming: z.number().int(),
  /** the part of `incoming` already bought by the presale orders of the campaign the PO was made for */
  incomingSold: z.number().int(),
  /** available + incoming − incomingSold (never below 0): what a new total cap can count on */
  sellable: z.number().int(),
});
export type SkuAvailabilityView = z.infer<typeof SkuAvailabilityView>;
