import { systemCtx } from '../../../db/system-ctx.js';
import type { Ctx } from '../../../kernel/ctx.js';
import { AppError } from '../../../kernel/errors.js';
import type { RefundView } from '../contract.js';
import type { PaymentsEnv } from '../env.js';
import { dueRefunds, refundById } from '../payments.repo.js';
import { attemptRefund } from './attempt-refund.js';

export const RETRY_REFUNDS_JOB = 'payments.retry-refunds';

/** The job: tries every failed or stranded refund whose next attempt is due. */
export async function retryDueRefunds(env: PaymentsEnv, batch = 50): Promise<{ tried: number; succeeded: number }> {
  const due = await dueRefunds(env.db, env.clock.now(), batch);
  let succeeded = 0;
  for (const d of due) {
    const ctx = systemCtx(env.db, d, RETRY_REFUNDS_JOB, { clock: env.clock, outboxWake: env.outboxWake });
    try {
      const v = await attemptRefund(ctx, env, d.id, { lock: 'skip', dueOnly: true });
      if (v?.status === 'succeeded') succeeded++;
    } catch (e) {
      env.log(`refund ${d.id}: retry failed`, e);
    }
  }
  return { tried: due.length, succeeded };
}

/** A manager retries a refund by hand, now; a refund that already succeeded is returned as is. */
export async function retryRefund(ctx: Ctx, env: PaymentsEnv, refundId: string): Promise<RefundView> {
  if (!(await refundById(ctx, refundId))) throw new AppError('REFUND_NOT_FOUND', { refundId });
  return (await attemptRefund(ctx, env, refundId, { lock: 'wait' }))!;
}
