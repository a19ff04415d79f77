import { z } from 'zod';

/** Browser-safe schemas of the stock API (imported by web/). Quantities are whole SKU units. */

export const MOVEMENT_KIND_VALUES = ['receive', 'reserve', 'release', 'commit', 'reopen', 'return', 'loss', 'adjust'] as const;
export type MovementKind = (typeof MOVEMENT_KIND_VALUES)[number];
export type ReservationChannel = 'groupbuy' | 'live' | 'pos' | 'event' | 'service' | 'manual';

export const Qty = z.int().min(1).max(1_000_000);
const Reason = z.string().trim().min(1).max(200);

export const LevelView = z.object({ onHand: z.int(), reserved: z.int(), available: z.int() });
export type LevelView = z.infer<typeof LevelView>;

export const ReceiveBody = z.object({ skuId: z.uuid(), qty: Qty, note: z.string().trim().max(200).optional() });
export type ReceiveInput = z.infer<typeof ReceiveBody>;

/** 盘点: the counted quantity replaces on-hand; the difference is recorded as the movement. */
export const AdjustBody = z.object({ skuId: z.uuid(), countedQty: z.int().min(0).max(1_000_000), reason: Reason });
export type AdjustInput = z.infer<typeof AdjustBody>;

/** 报损: spoiled, broken or missing goods leave the shelf. */
export const LossBody = z.object({ skuId: z.uuid(), qty: Qty, reason: Reason });
export type LossInput = z.infer<typeof LossBody>;

export interface ReturnInput {
  skuId: string;
  qty: number;
  orderId?: string | null;
  reason?: string;
}

export const StockChange = z.object({ movementId: z.int(), skuId: z.uuid(), level: LevelView });
export type StockChange = z.infer<typeof StockChange>;

export const StockRow = z.object({
  skuId: z.uuid(),
  productId: z.uuid(),
  productName: z.string(),
  spec: z.string(),
  unit: z.string(),
  active: z.boolean(),
  onHand: z.int(),
  reserved: z.int(),
  available: z.int(),
});
export type StockRow = z.infer<typeof StockRow>;

export const MovementView = z.object({
  id: z.int(),
  kind: z.enum(MOVEMENT_KIND_VALUES),
  onHandDelta: z.int(),
  reservedDelta: z.int(),
  onHandAfter: z.int(),
  reservedAfter: z.int(),
  reservationId: z.uuid().nullable(),
  orderId: z.uuid().nullable(),
  note: z.string(),
  actorName: z.string(),
  at: z.iso.datetime(),
});
export type MovementView = z.infer<typeof MovementView>;

export const MovementQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** movements older than this id (the next page) */
  before: z.coerce.number().int().min(1).optional(),
});
