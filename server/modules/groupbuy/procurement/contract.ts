import { z } from 'zod';

/** Browser-safe schemas of the purchase-order (采购单) and receiving (收货) API. */

export const PoStatus = z.enum(['draft', 'sent', 'partially_received', 'received', 'closed']);
export type PoStatus = z.infer<typeof PoStatus>;

export const PoLineView = z.object({
  id: z.uuid(),
  skuId: z.uuid(),
  productName: z.string(),
  spec: z.string(),
  unit: z.string(),
  demandQty: z.int(),
  bufferQty: z.int(),
  casePack: z.int(),
  cases: z.int(),
  orderedQty: z.int(),
  receivedQty: z.int(),
  unitCostFen: z.int().nullable(),
  note: z.string(),
});
export type PoLineView = z.infer<typeof PoLineView>;

export const PurchaseOrderSummary = z.object({
  id: z.uuid(),
  number: z.string(),
  campaignId: z.uuid(),
  supplierId: z.uuid().nullable(),
  supplierName: z.string(),
  status: PoStatus,
  /** the loss buffer the quantities were planned with, in percent */
  lossBufferPct: z.number(),
  lineCount: z.int(),
  orderedQty: z.int(),
  receivedQty: z.int(),
  sentAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type PurchaseOrderSummary = z.infer<typeof PurchaseOrderSummary>;

export const PurchaseOrderView = PurchaseOrderSummary.extend({ note: z.string(), lines: z.array(PoLineView) });
export type PurchaseOrderView = z.infer<typeof PurchaseOrderView>;

export const PoListQuery = z.object({ campaignId: z.uuid().optional(), status: PoStatus.optional() });
export type PoListQuery = z.infer<typeof PoListQuery>;

export const ReceiptBody = z.object({
  lines: z
    .array(
      z.object({
        poLineId: z.uuid(),
        /** what really arrived (0: nothing came); more than ordered is surplus for the shelf */
        receivedQty: z.int().min(0).max(1_000_000),
        note: z.string().trim().max(200).optional(),
      }),
    )
    .min(1)
    .max(500)
    .refine((ls) => new Set(ls.map((l) => l.poLineId)).size === ls.length, 'each PO line once'),
});
export type ReceiptInput = z.infer<typeof ReceiptBody>;

export const AllocationView = z.object({
  campaignId: z.uuid(),
  skuId: z.uuid(),
  receivedQty: z.int(),
  allocatedQty: z.int(),
  shortQty: z.int(),
  surplusQty: z.int(),
  /** false when this SKU of the campaign had been allocated by an earlier receipt */
  applied: z.boolean(),
  lines: z.array(
    z.object({
      orderId: z.uuid(),
      lineId: z.uuid(),
      qty: z.int(),
      filledQty: z.int(),
      missingQty: z.int(),
      outcome: z.enum(['filled', 'partial', 'short']),
    }),
  ),
});
export type AllocationView = z.infer<typeof AllocationView>;

export const ReceiptView = z.object({
  receiptId: z.uuid(),
  purchaseOrder: PurchaseOrderView,
  lines: z.array(z.object({ poLineId: z.uuid(), skuId: z.uuid(), receivedQty: z.int(), movementId: z.int().nullable() })),
  /** first-come allocation per SKU (empty when no allocation port is wired) */
  allocations: z.array(AllocationView),
});
export type ReceiptView = z.infer<typeof ReceiptView>;

export const ProcurementSettings = z.object({ lossBufferPct: z.number().min(0).max(100) });
export type ProcurementSettings = z.infer<typeof ProcurementSettings>;
