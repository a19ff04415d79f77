import { inTx } from '../../../db/tx.js';
import { HOUR } from '../../../kernel/clock.js';
import type { Ctx } from '../../../kernel/ctx.js';
import { AppError } from '../../../kernel/errors.js';
import { newId, numericCode } from '../../../kernel/ids.js';
import { OTP_DIGITS, OTP_RESEND_SECONDS, OTP_TTL_SECONDS, normalisePhone } from '../contract.js';
import { hashOtp, lockPhone, otpSendsSince } from '../otp.repo.js';
import { otpCodes } from '../tables.js';

/** Delivers a code to a phone, in the caller's transaction (wired to notifications in app.ts). */
export type OtpSender = (ctx: Ctx, phone: string, code: string) => Promise<void>;

const MAX_SENDS_PER_HOUR = 5;

/**
 * Creates a login code for a phone and hands it to `send`. At most one code per phone per
 * minute and five per hour (SMS cost, and a cap on guessing: 5 codes × 5 tries an hour).
 */
export async function requestOtp(ctx: Ctx, rawPhone: string, send: OtpSender): Promise<void> {
  const phone = normalisePhone(rawPhone);
  if (!phone) throw new AppError('PHONE_INVALID');
  await inTx(ctx, async (tx) => {
    await lockPhone(tx, phone);
    const now = tx.clock.now();
    const sends = await otpSendsSince(tx, phone, new Date(now.getTime() - HOUR));
    const wait = (until: number) => Math.max(1, Math.ceil((until - now.getTime()) / 1000));
    const last = sends.at(-1);
    if (last && now.getTime() - last.createdAt.getTime() < OTP_RESEND_SECONDS * 1000) {
      throw new AppError('RATE_LIMITED', { retryAfter: wait(last.createdAt.getTime() + OTP_RESEND_SECONDS * 1000) });
    }
    if (sends.length >= MAX_SENDS_PER_HOUR) {
      throw new AppError('RATE_LIMITED', { retryAfter: wait(sends[0]!.createdAt.getTime() + HOUR) });
    }
    const id = newId();
    const code = numericCode(OTP_DIGITS);
    await tx.db.insert(otpCodes).values({
      id,
      orgId: tx.orgId,
      storeId: tx.storeId,
      phone,
      codeHash: hashOtp(id, code),
      createdAt: now,
      expiresAt: new Date(now.getTime() + OTP_TTL_SECONDS * 1000),
    });
    await send(tx, phone, code);
  });
}
