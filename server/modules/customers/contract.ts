import { z } from 'zod';

/**
 * A mainland mobile number as a neighbour types it ('+86 138 1234 1234', '138-1234-1234') →
 * '13812341234', or null when it is not one. Browser-safe: the shop's login form uses it too.
 */
export function normalisePhone(raw: string): string | null {
  const p = raw.replace(/[\s\-()]/g, '').replace(/^(\+|00)?86(?=1\d{10}$)/, '');
  return /^1[3-9]\d{9}$/.test(p) ? p : null;
}

export const OTP_DIGITS = 6;
export const OTP_TTL_SECONDS = 300;
export const OTP_RESEND_SECONDS = 60;

const PhoneInput = z.string().trim().min(1).max(32);

export const OtpRequestBody = z.object({ phone: PhoneInput });
export const OtpRequested = z.object({
  ok: z.literal(true),
  expiresInSeconds: z.number().int(),
  resendAfterSeconds: z.number().int(),
});

export const CustomerLoginBody = z.object({
  phone: PhoneInput,
  code: z.string().trim().regex(/^\d{6}$/),
});

/** The signed-in neighbour: their own full phone. */
export const CustomerMe = z.object({
  kind: z.literal('customer'),
  customerId: z.uuid(),
  phone: z.string(),
  name: z.string(),
  nickname: z.string(),
  store: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }),
});
export type CustomerMe = z.infer<typeof CustomerMe>;

/** What anyone may know about a store from its public link. */
export const ShopStoreInfo = z.object({ slug: z.string(), name: z.string(), address: z.string(), phone: z.string() });
export type ShopStoreInfo = z.infer<typeof ShopStoreInfo>;

export const CustomerListQuery = z.object({
  /** digits: the end of a phone number; otherwise part of a name or nickname */
  q: z.string().trim().max(40).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const CustomerListItem = z.object({
  id: z.uuid(),
  phone: z.string(),
  name: z.string(),
  nickname: z.string(),
  firstStoreId: z.uuid(),
  /** when the neighbour was first seen in this store */
  joinedAt: z.date(),
  createdAt: z.date(),
});
export type CustomerListItem = z.infer<typeof CustomerListItem>;

export const CustomerPage = z.object({
  items: z.array(CustomerListItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type CustomerPage = z.infer<typeof CustomerPage>;

/**
 * 店铺余额 (store credit): a neighbour's balance in one store, the sum of an append-only ledger
 * (credits from no-show orders whose products keep the money as credit; later spending).
 *   GET /api/shop/:slug/me/credit            → CreditView (the neighbour's own)
 *   GET /api/console/customers/:id/credit    → CreditView (staff)
 */
export const CreditEntryView = z.object({
  id: z.uuid(),
  amountFen: z.number().int(),
  reason: z.string(),
  orderId: z.uuid().nullable(),
  at: z.iso.datetime(),
});
export const CreditView = z.object({ customerId: z.uuid(), balanceFen: z.number().int(), entries: z.array(CreditEntryView) });
export type CreditView = z.infer<typeof CreditView>;
