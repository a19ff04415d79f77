import { eq } from 'drizzle-orm';
import { inTx } from '../../../db/tx.js';
import type { Ctx } from '../../../kernel/ctx.js';
import { AppError } from '../../../kernel/errors.js';
import { createSession } from '../../tenancy/index.js';
import { normalisePhone } from '../contract.js';
import { latestOtpForUpdate, otpMatches } from '../otp.repo.js';
import { otpCodes } from '../tables.js';
import { findOrCreateCustomerByPhone } from './find-or-create-customer.js';

const MAX_WRONG_ATTEMPTS = 5;

type Outcome =
  | { ok: true; customerId: string; token: string; expiresAt: Date }
  | { ok: false; burnt: boolean; attemptsLeft: number };

/**
 * Logs a neighbour in with the newest code sent to their phone: creates the customer on first
 * login and opens a customer session in the ctx's store. A wrong code counts against the code
 * (committed even though the login fails); the fifth wrong try burns it.
 */
export async function loginCustomer(
  ctx: Ctx,
  input: { phone: string; code: string },
): Promise<{ customerId: string; token: string; expiresAt: Date }> {
  const phone = normalisePhone(input.phone);
  if (!phone) throw new AppError('PHONE_INVALID');
  const outcome = await inTx(ctx, async (tx): Promise<Outcome> => {
    const now = tx.clock.now();
    const otp = await latestOtpForUpdate(tx, phone);
    if (!otp || otp.consumedAt || otp.expiresAt <= now) return { ok: false, burnt: false, attemptsLeft: 0 };
    if (otp.attempts >= MAX_WRONG_ATTEMPTS) return { ok: false, burnt: true, attemptsLeft: 0 };
    if (!otpMatches(otp.id, otp.codeHash, input.code)) {
      const attempts = otp.attempts + 1;
      await tx.db.update(otpCodes).set({ attempts }).where(eq(otpCodes.id, otp.id));
      return { ok: false, burnt: attempts >= MAX_WRONG_ATTEMPTS, attemptsLeft: MAX_WRONG_ATTEMPTS - attempts };
    }
    await tx.db.update(otpCodes).set({ consumedAt: now }).where(eq(otpCodes.id, otp.id));
    const { customerId } = await findOrCreateCustomerByPhone(tx, phone);
    const session = await createSession(tx.db, { kind: 'customer', orgId: tx.orgId, storeId: tx.storeId, subjectId: customerId, now });
    return { ok: true, customerId, ...session };
  });
  if (outcome.ok) return outcome;
  if (outcome.burnt) throw new AppError('OTP_ATTEMPTS_EXCEEDED');
  throw new AppError('OTP_INVALID', outcome.attemptsLeft > 0 ? { attemptsLeft: outcome.attemptsLeft } : {});
}
