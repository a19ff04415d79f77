import { and, desc, eq } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/ctx.js';
import type { VoucherDropView, VoucherView } from '../contract.js';
import { liveVoucherDrops, liveVouchers } from './tables.js';

export type VoucherRow = typeof liveVouchers.$inferSelect;
export type VoucherDropRow = typeof liveVoucherDrops.$inferSelect;

export function presentDrop(d: VoucherDropRow): VoucherDropView {
  return {
    id: d.id, showId: d.showId, title: d.title, total: d.total, remaining: d.remaining, validDays: d.validDays,
    createdAt: d.createdAt.toISOString(), endsAt: d.endsAt.toISOString(),
  };
}

export function presentVoucher(v: VoucherRow, title: string, now: Date): VoucherView {
  return {
    id: v.id,
    dropId: v.dropId,
    showId: v.showId,
    title,
    code: v.code,
    status: v.status === 'redeemed' ? 'redeemed' : now >= v.expiresAt ? 'expired' : 'claimed',
    claimedAt: v.claimedAt.toISOString(),
    expiresAt: v.expiresAt.toISOString(),
    redeemedAt: v.redeemedAt?.toISOString() ?? null,
  };
}

/** A neighbour's vouchers in the ctx's store (of one show when given), newest first. */
export async function myVouchers(ctx: Ctx, customerId: string, showId?: string): Promise<VoucherView[]> {
  const rows = await ctx.db
    .select({ v: liveVouchers, title: liveVoucherDrops.title })
    .from(liveVouchers)
    .innerJoin(liveVoucherDrops, eq(liveVoucherDrops.id, liveVouchers.dropId))
    .where(and(eq(liveVouchers.storeId, ctx.storeId), eq(liveVouchers.customerId, customerId), showId ? eq(liveVouchers.showId, showId) : undefined))
    .orderBy(desc(liveVouchers.claimedAt))
    .limit(100);
  const now = ctx.clock.now();
  return rows.map((r) => presentVoucher(r.v, r.title, now));
}

export async function listDrops(ctx: Ctx, showId: string): Promise<VoucherDropView[]> {
  const rows = await ctx.db
    .select()
    .from(liveVoucherDrops)
    .where(and(eq(liveVoucherDrops.storeId, ctx.storeId), eq(liveVoucherDrops.showId, showId)))
    .orderBy(desc(liveVoucherDrops.createdAt))
    .limit(20);
  return rows.map(presentDrop);
}
