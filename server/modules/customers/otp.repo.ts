import { createHash, timingSafeEqual } from 'node:crypto';
import { and, asc, desc, eq, gt, lt, sql } from 'drizzle-orm';
import type { Ctx, Db } from '../../kernel/ctx.js';
import { otpCodes } from './tables.js';

/** Salted by the code's row id, so equal codes hash differently and no table of hashes helps. */
export const hashOtp = (otpId: string, code: string): string =>
  createHash('sha256').update(`linli-otp:${otpId}:${code}`).digest('hex');

export function otpMatches(otpId: string, storedHash: string, code: string): boolean {
  return timingSafeEqual(Buffer.from(hashOtp(otpId, code), 'hex'), Buffer.from(storedHash, 'hex'));
}

/** Serialises code requests for one phone of one organisation until the transaction ends. */
export async function lockPhone(ctx: Ctx, phone: string): Promise<void> {
  await ctx.db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`customer_otp:${ctx.orgId}:${phone}`}, 0))`);
}

/** Codes sent to this phone since `since`, oldest first. */
export async function otpSendsSince(ctx: Ctx, phone: string, since: Date) {
  return ctx.db
    .select({ createdAt: otpCodes.createdAt })
    .from(otpCodes)
    .where(and(eq(otpCodes.orgId, ctx.orgId), eq(otpCodes.phone, phone), gt(otpCodes.createdAt, since)))
    .orderBy(asc(otpCodes.createdAt));
}

/** The newest code for the phone, row-locked: only it can log in; older ones are superseded. */
export async function latestOtpForUpdate(ctx: Ctx, phone: string) {
  const [row] = await ctx.db
    .select()
    .from(otpCodes)
    .where(and(eq(otpCodes.orgId, ctx.orgId), eq(otpCodes.phone, phone)))
    .orderBy(desc(otpCodes.createdAt))
    .limit(1)
    .for('update');
  return row ?? null;
}

/** Job: codes older than a day are of no use, not even for rate limiting. */
export async function purgeOldOtps(db: Db, now: Date): Promise<number> {
  const gone = await db
    .delete(otpCodes)
    .where(lt(otpCodes.createdAt, new Date(now.getTime() - 86_400_000)))
    .returning({ id: otpCodes.id });
  return gone.length;
}
