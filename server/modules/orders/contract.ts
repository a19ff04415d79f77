import { z } from 'zod';

/** Orders and pickup: the shapes shared by the server routes and web/ (browser-safe). */

export const OrderStatusSchema = z.enum(['pending_payment', 'paid', 'ready_for_pickup', 'picked_up', 'cancelled', 'refunded']);
export type OrderStatus = z.infer<typeof OrderStatusSchema>;

export const OrderChannelSchema = z.enum(['groupbuy', 'live', 'pos', 'event', 'service']);
export type OrderChannel = z.infer<typeof OrderChannelSchema>;

export const FulfilmentSchema = z.enum(['in_stock', 'presale']);
export type Fulfilment = z.infer<typeof FulfilmentSchema>;

export const PaymentMethodSchema = z.enum(['sandbox', 'pay_at_pickup', 'cash']);
export type PaymentMethod = z.infer<typeof PaymentMethodSchema>;

export const RefundStateSchema = z.enum(['none', 'partial', 'full']);
export type RefundState = z.infer<typeof RefundStateSchema>;

const fen = z.number().int().min(0);

export const OrderLineView = z.object({
  id: z.uuid(),
  skuId: z.uuid(),
  productId: z.uuid(),
  productName: z.string(),
  spec: z.string(),
  unit: z.string(),
  qty: z.number().int(),
  unitPriceFen: fen,
  lineTotalFen: fen,
  refundedQty: z.number().int(),
});
export type OrderLineView = z.infer<typeof OrderLineView>;

export const OrderView = z.object({
  id: z.uuid(),
  storeId: z.uuid(),
  customerId: z.uuid().nullable(),
  channel: OrderChannelSchema,
  status: OrderStatusSchema,
  refundState: RefundStateSchema,
  fulfilment: FulfilmentSchema,
  paymentMethod: PaymentMethodSchema,
  totalFen: fen,
  paidFen: fen,
  refundedFen: fen,
  /** 8 digits, shown with a QR made by the client; only to the buyer and the store */
  pickupCode: z.string(),
  /** an unpaid sandbox order is cancelled when this passes */
  payBy: z.iso.datetime().nullable(),
  sourceRef: z.string().nullable(),
  note: z.string().nullable(),
  cancelReason: z.string().nullable(),
  lines: z.array(OrderLineView),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  version: z.number().int(),
});
export type OrderView = z.infer<typeof OrderView>;

/** Who the order is for, as staff see it (full name and phone: staff may call the neighbour). */
export const OrderCustomer = z.object({ id: z.uuid(), name: z.string(), phone: z.string() });
export type OrderCustomer = z.infer<typeof OrderCustomer>;

/** The console's view of an order: the order and its customer. */
export const StaffOrderView = OrderView.extend({
  customer: OrderCustomer.nullable(),
  /** the customer's 店铺余额 (store credit) in this store, fen; null without a customer */
  customerCreditFen: z.number().int().nullable().optional(),
});
export type StaffOrderView = z.infer<typeof StaffOrderView>;

export const ShopOrderBody = z.object({
  lines: z.array(z.object({ skuId: z.uuid(), qty: z.number().int().min(1).max(999) })).min(1).max(50),
  paymentMethod: z.enum(['sandbox', 'pay_at_pickup']),
  note: z.string().trim().max(200).optional(),
});
export type ShopOrderBody = z.infer<typeof ShopOrderBody>;

export const PayOrderResult = z.object({ paymentId: z.string(), provider: z.literal('sandbox'), confirmToken: z.string() });
export type PayOrderResult = z.infer<typeof PayOrderResult>;

export const CancelOrderBody = z.object({ reason: z.string().trim().max(200).optional() }).optional();

export const RefundOrderBody = z.object({
  amountFen: z.number().int().min(1),
  reason: z.string().trim().min(1).max(200),
  /** units handed back before pickup: their stock is released */
  lines: z.array(z.object({ lineId: z.uuid(), qty: z.number().int().min(1) })).max(50).optional(),
});
export type RefundOrderBody = z.infer<typeof RefundOrderBody>;

export const RefundStatusSchema = z.enum(['succeeded', 'failed', 'pending']);

export const RefundResult = z.object({
  refundId: z.string(),
  status: RefundStatusSchema,
  amountFen: fen,
  order: OrderView,
});
export type RefundResult = z.infer<typeof RefundResult>;

export const ConsoleOrderQuery = z.object({
  status: OrderStatusSchema.optional(),
  channel: OrderChannelSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ConsoleOrderQuery = z.infer<typeof ConsoleOrderQuery>;

// ---- pickup (核销) ----

export const PickupCodeParam = z.object({ code: z.string().regex(/^\d{8}$/) });

export const VerifyPickupBody = z.object({
  code: z.string().regex(/^\d{8}$/),
  /** made by the counter client once per attempt; a retry sends the same id */
  requestId: z.string().min(8).max(100),
  device: z.string().trim().max(100).optional(),
});
export type VerifyPickupBody = z.infer<typeof VerifyPickupBody>;

export const VerificationView = z.object({
  id: z.uuid(),
  orderId: z.uuid(),
  requestId: z.string(),
  staffId: z.uuid(),
  device: z.string().nullable(),
  /** money collected at the counter (pay_at_pickup) */
  collectedFen: fen,
  verifiedAt: z.iso.datetime(),
  undoneAt: z.iso.datetime().nullable(),
  undoneBy: z.uuid().nullable(),
  /** the verification can be undone until then */
  undoUntil: z.iso.datetime(),
});
export type VerificationView = z.infer<typeof VerificationView>;

export const VerificationResult = z.object({ verification: VerificationView, order: OrderView });
export type VerificationResult = z.infer<typeof VerificationResult>;

/** What the counter sees after typing or scanning a code. */
export const PickupLookup = z.object({
  order: OrderView,
  /** staff check the name against the person at the counter */
  customer: OrderCustomer.nullable(),
  /** what staff collect at the counter (pay_at_pickup), 0 when prepaid */
  dueFen: fen,
  canVerify: z.boolean(),
  /** the verification that can still be undone, if the order was picked up */
  lastVerification: VerificationView.nullable(),
});
export type PickupLookup = z.infer<typeof PickupLookup>;
