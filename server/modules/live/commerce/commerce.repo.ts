import { and, desc, eq } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/ctx.js';
import { AppError } from '../../../kernel/errors.js';
import { maskName, maskPhone } from '../../../kernel/privacy.js';
import { getCustomers } from '../../customers/index.js';
import type { ShowCommerce } from '../contract.js';
import type { PresalePort } from '../ports.js';
import { mayEnter } from '../room/directory.js';
import { extrasOf } from '../show/extras.repo.js';
import { findShow, listFlashSales } from './flash-sale.repo.js';
import { liveSales } from './tables.js';
import { listDrops, myVouchers } from './voucher.repo.js';

/**
 * The room's commerce at a glance: flash sales (open and recent), campaigns, drops, the ticker
 * tail, my vouchers. Only for who may enter the room (members / invite link): LIVE_ROOM_RESTRICTED.
 */
export async function showCommerce(ctx: Ctx, presale: PresalePort, showId: string, visitor: { customerId: string | null; inviteTokens: string[] }): Promise<ShowCommerce> {
  await findShow(ctx, showId);
  const extras = await extrasOf(ctx, showId);
  const access = extras?.access ?? 'public';
  if (!mayEnter({ storeId: ctx.storeId, access, inviteToken: extras?.inviteToken ?? null }, { ...visitor, staffStoreId: null })) {
    throw new AppError('LIVE_ROOM_RESTRICTED', { access, signedIn: visitor.customerId !== null });
  }
  const customerId = visitor.customerId;
  const tail = await ctx.db
    .select({ customerId: liveSales.customerId, title: liveSales.title, qty: liveSales.qty, at: liveSales.at })
    .from(liveSales)
    .where(and(eq(liveSales.storeId, ctx.storeId), eq(liveSales.showId, showId)))
    .orderBy(desc(liveSales.at))
    .limit(20);
  const names = await getCustomers(ctx, tail.flatMap((t) => (t.customerId ? [t.customerId] : [])));
  const who = (id: string | null) => {
    const c = id ? names.get(id) : undefined;
    return c?.name ? maskName(c.name) : c?.phone ? maskPhone(c.phone) : maskName('');
  };
  return {
    flashSales: (await listFlashSales(ctx, showId)).slice(0, 20),
    campaigns: await presale.listOpen(ctx),
    voucherDrops: await listDrops(ctx, showId),
    tickerTail: tail.map((t) => ({ who: who(t.customerId), what: `抢到 ${t.title}`.slice(0, 80), qty: t.qty, at: t.at.toISOString() })),
    myVouchers: customerId ? await myVouchers(ctx, customerId, showId) : [],
  };
}
