import { z } from 'zod';

/**
 * After-sales (售后): a neighbour opens a ticket on their own paid or picked-up order (any
 * channel); owner or manager approve a (partial) refund through the order's refund path, or
 * reject. Browser-safe shapes shared by the routes and web/.
 *
 * Routes
 *   POST /api/shop/:slug/orders/:orderId/after-sales   OpenTicketBody, Idempotency-Key → TicketView
 *   POST /api/shop/:slug/after-sales/:id/photo         multipart, one image field "file" (JPG/PNG/WebP ≤ 5 MB) → TicketView
 *   GET  /api/shop/:slug/after-sales                   my tickets → TicketView[]
 *   GET  /api/shop/:slug/after-sales/:id/photo         the photo (the ticket's neighbour only)
 *   GET  /api/console/after-sales?status=open          → StaffTicketView[]
 *   GET  /api/console/after-sales/:id                  → StaffTicketView
 *   GET  /api/console/after-sales/:id/photo            the photo (staff of the store)
 *   POST /api/console/after-sales/:id/approve          ApproveTicketBody, Idempotency-Key, owner/manager → StaffTicketView
 *   POST /api/console/after-sales/:id/reject           RejectTicketBody, owner/manager → StaffTicketView
 */

export const AfterSalesReasonSchema = z.enum(['damaged', 'wrong_item', 'quality', 'missing', 'other']);
export type AfterSalesReason = z.infer<typeof AfterSalesReasonSchema>;

export const AfterSalesStatusSchema = z.enum(['open', 'approved', 'rejected']);
export type AfterSalesStatus = z.infer<typeof AfterSalesStatusSchema>;

const fen = z.number().int().min(0).max(100_000_000);

export const TicketLine = z.object({ orderLineId: z.uuid(), qty: z.number().int().min(1).max(999) });

export const OpenTicketBody = z.object({
  reason: AfterSalesReasonSchema,
  text: z.string().trim().min(1).max(500),
  /** the units concerned (optional): lines of the order and how many of each */
  lines: z.array(TicketLine).max(50).optional(),
  /** what the neighbour asks for, in fen (optional; the store decides) */
  requestedFen: fen.optional(),
});
export type OpenTicketBody = z.infer<typeof OpenTicketBody>;

export const ApproveTicketBody = z.object({ refundFen: z.number().int().min(1).max(100_000_000), note: z.string().trim().max(200).default('') });
export type ApproveTicketBody = z.input<typeof ApproveTicketBody>;

export const RejectTicketBody = z.object({ note: z.string().trim().min(1).max(200) });
export type RejectTicketBody = z.infer<typeof RejectTicketBody>;

export const ConsoleTicketQuery = z.object({ status: AfterSalesStatusSchema.optional() });

/** The order a ticket is about, as far as the ticket needs it. */
export const TicketOrder = z.object({
  id: z.uuid(),
  channel: z.string(),
  status: z.string(),
  totalFen: fen,
  paidFen: fen,
  refundedFen: fen,
  /** paid − refunded: the most an approval can refund */
  refundableFen: fen,
  lines: z.array(z.object({ id: z.uuid(), productName: z.string(), spec: z.string(), qty: z.number().int(), unitPriceFen: fen })),
});

export const TicketView = z.object({
  id: z.uuid(),
  storeId: z.uuid(),
  orderId: z.uuid(),
  reason: AfterSalesReasonSchema,
  text: z.string(),
  lines: z.array(TicketLine),
  requestedFen: fen.nullable(),
  status: AfterSalesStatusSchema,
  /** relative URL of the photo for this viewer (shop or console path), null without a photo */
  photoUrl: z.string().nullable(),
  refundFen: fen.nullable(),
  refundId: z.string().nullable(),
  decisionNote: z.string().nullable(),
  decidedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  order: TicketOrder,
});
export type TicketView = z.infer<typeof TicketView>;

/** Staff also see who opened it (name and phone: they may call the neighbour) and who decided. */
export const StaffTicketView = TicketView.extend({
  customer: z.object({ id: z.uuid(), name: z.string(), phone: z.string() }).nullable(),
  decidedBy: z.string().nullable(),
});
export type StaffTicketView = z.infer<typeof StaffTicketView>;
