import type { Ctx } from '../../../../kernel/ctx.js';
import { AppError } from '../../../../kernel/errors.js';
import type { PickupLookup } from '../../contract.js';
import { linesOf } from '../../orders.repo.js';
import { dueAtCounter, presentOrder } from '../../present.js';
import { customersOf } from '../../queries.js';
import { assertNotGuessing, recordMiss } from '../guard.js';
import { activeVerification, orderByCode } from '../pickup.repo.js';
import { presentVerification } from '../present.js';

/** The counter types or scans a code. A code that names nothing counts as a miss (see guard.ts). */
export async function lookupPickup(ctx: Ctx, code: string): Promise<PickupLookup> {
  await assertNotGuessing(ctx);
  const order = await orderByCode(ctx, code);
  if (!order) {
    await recordMiss(ctx, code);
    throw new AppError('PICKUP_CODE_INVALID');
  }
  const lines = (await linesOf(ctx.db, [order.id])).get(order.id) ?? [];
  const last = order.status === 'picked_up' ? await activeVerification(ctx, order.id) : null;
  const people = await customersOf(ctx, [order.customerId]);
  return {
    order: presentOrder(order, lines),
    customer: (order.customerId && people.get(order.customerId)) || null,
    dueFen: dueAtCounter(order),
    canVerify: order.status === 'ready_for_pickup',
    lastVerification: last ? presentVerification(last) : null,
  };
}
