import { inTx } from '../../../../db/tx.js';
import type { Ctx } from '../../../../kernel/ctx.js';
import { newId } from '../../../../kernel/ids.js';
import type { RoomPresaleJoinBody } from '../../contract.js';
import type { PresaleOrder, PresalePort } from '../../ports.js';
import { findShow } from '../flash-sale.repo.js';
import { liveSales } from '../tables.js';

/**
 * A neighbour joins a presale (接龙) campaign from the room: the group-buy channel places the
 * order through the port with sourceRef `live:<showId>`, and the sale is counted for the show —
 * in one transaction.
 */
export async function joinPresaleFromRoom(
  ctx: Ctx,
  presale: PresalePort,
  i: { customerId: string; showId: string; campaignId: string; body: RoomPresaleJoinBody },
): Promise<PresaleOrder> {
  return inTx(ctx, async (tx) => {
    await findShow(tx, i.showId);
    const order = await presale.join(tx, i.customerId, i.campaignId, i.body, { sourceRef: `live:${i.showId}` });
    const at = tx.clock.now();
    if (order.lines.length > 0) {
      await tx.db.insert(liveSales).values(
        order.lines.map((l) => ({
          id: newId(), storeId: tx.storeId, showId: i.showId, orderId: order.id, kind: 'presale' as const, refId: i.campaignId,
          customerId: i.customerId, skuId: l.skuId, title: l.productName, qty: l.qty, amountFen: l.lineTotalFen, at,
        })),
      );
    }
    return order;
  });
}
