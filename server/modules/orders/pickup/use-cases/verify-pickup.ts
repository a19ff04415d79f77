import { inTx } from '../../../../db/tx.js';
import { emit } from '../../../../events/emit.js';
import type { Ctx } from '../../../../kernel/ctx.js';
import { AppError, isAppError } from '../../../../kernel/errors.js';
import { newId } from '../../../../kernel/ids.js';
import { commit } from '../../../inventory/index.js';
import { orderRef } from '../../announce.js';
import type { VerificationResult, VerifyPickupBody } from '../../contract.js';
import { linesOf, moveOrder, updateOrder } from '../../orders.repo.js';
import type { PaymentsPort } from '../../ports.js';
import { dueAtCounter, presentOrder } from '../../present.js';
import { getOrder } from '../../queries.js';
import { assertNotGuessing, counterStaffId, recordMiss } from '../guard.js';
import { insertVerification, orderByCode, verificationByRequest, type VerificationRow } from '../pickup.repo.js';
import { presentVerification } from '../present.js';

/**
 * Hands the goods over (核销): commits the order's reservations, collects a pay_at_pickup
 * order's money through the payments port, and records who did it, when, on which device.
 * Idempotent by requestId: a retry returns the first verification, never a second one.
 */
export async function verifyPickup(ctx: Ctx, input: VerifyPickupBody, payments: PaymentsPort): Promise<VerificationResult> {
  const staffId = counterStaffId(ctx);
  const earlier = await verificationByRequest(ctx, input.requestId);
  if (earlier) return replay(ctx, earlier, input.code);
  await assertNotGuessing(ctx);
  try {
    return await inTx(ctx, async (tx) => {
      let order = await orderByCode(tx, input.code, true);
      if (!order) throw new AppError('PICKUP_CODE_INVALID');
      // a concurrent retry of the same request waited on the order lock: answer as the first did
      const raced = await verificationByRequest(tx, input.requestId);
      if (raced) return replay(tx, raced, input.code);
      if (order.status === 'picked_up') throw new AppError('PICKUP_ALREADY_VERIFIED', { orderId: order.id });
      if (order.status !== 'ready_for_pickup') throw new AppError('PICKUP_NOT_READY', { orderId: order.id, status: order.status });

      const lines = (await linesOf(tx.db, [order.id])).get(order.id) ?? [];
      const reservationIds: string[] = [];
      for (const line of lines) {
        if (!line.reservationId || line.qty <= line.refundedQty) continue;
        await commit(tx, line.reservationId);
        reservationIds.push(line.reservationId);
      }
      const dueFen = dueAtCounter(order);
      if (dueFen > 0) {
        const provider = order.paymentMethod === 'cash' ? 'cash' : 'pay_at_pickup';
        const { paymentId } = await payments.recordCounterPayment(tx, { orderId: order.id, amountFen: dueFen, provider });
        order = await updateOrder(tx, order, { paidFen: order.totalFen, paymentRef: paymentId });
        await emit(tx, 'order.paid', { ...orderRef(order), paidFen: order.paidFen, paymentRef: paymentId });
      }
      order = await moveOrder(tx, order, 'picked_up');
      const v = await insertVerification(tx, {
        id: newId(),
        orgId: tx.orgId,
        storeId: tx.storeId,
        orderId: order.id,
        requestId: input.requestId,
        code: input.code,
        staffId,
        device: input.device ?? null,
        collectedFen: dueFen,
        reservationIds,
        verifiedAt: tx.clock.now(),
      });
      await emit(tx, 'order.picked_up', { ...orderRef(order), verificationId: v.id, staffId, collectedFen: dueFen });
      return { verification: presentVerification(v), order: presentOrder(order, lines) };
    });
  } catch (e) {
    if (isAppError(e, 'PICKUP_CODE_INVALID')) await recordMiss(ctx, input.code);
    throw e;
  }
}

async function replay(ctx: Ctx, v: VerificationRow, code: string): Promise<VerificationResult> {
  if (v.code !== code) throw new AppError('IDEMPOTENCY_KEY_REUSED', { requestId: v.requestId });
  return { verification: presentVerification(v), order: await getOrder(ctx, v.orderId) };
}
