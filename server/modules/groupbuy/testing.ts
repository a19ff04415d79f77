import { and, eq, sql } from 'drizzle-orm';
import type { ManualClock } from '../../kernel/clock.js';
import type { Ctx, Db } from '../../kernel/ctx.js';
import { newId } from '../../kernel/ids.js';
import { makeTenant, type Tenant } from '../../testing/factories.js';
import { outboxEvents } from '../../events/tables.js';
import { createProduct } from '../catalog/index.js';
import { findOrCreateCustomerByPhone } from '../customers/index.js';
import { markPaid, type OrderView, type PaymentsPort } from '../orders/index.js';
import { createCampaign } from './campaigns/create-campaign.js';
import type { CampaignInput, CampaignView } from './contract.js';
import { gbBuyerItems, gbItems } from './tables.js';

/** Test helpers of the group-buy channel (not a test file). */

export const HOUR = 3_600_000;

/**
 * A payments port that records the refunds asked of it (db tier; the api tier runs the real
 * payments module). `refuse`: orders whose money requestRefunds cannot claim (answers null).
 */
export function recordingPayments(status: 'succeeded' | 'failed' = 'succeeded') {
  const refunds: Array<{ orderId: string; amountFen: number; idemKey: string }> = [];
  const refuse = new Set<string>();
  const attempted: string[] = [];
  const port: PaymentsPort = {
    startPayment: async (_c, i) => ({ paymentId: newId(), provider: i.provider, confirmToken: 'tok' }),
    requestRefund: async (_c, i) => {
      refunds.push({ orderId: i.orderId, amountFen: i.amountFen, idemKey: i.idemKey });
      return { refundId: newId(), status };
    },
    requestRefunds: async (_c, list) =>
      list.map((i) => {
        if (refuse.has(i.orderId)) return null;
        refunds.push({ orderId: i.orderId, amountFen: i.amountFen, idemKey: i.idemKey });
        return { refundId: newId(), status: 'pending' as const };
      }),
    attemptRefunds: async (_c, ids) => {
      attempted.push(...ids);
      return status === 'succeeded' ? { succeeded: ids.length, failed: 0 } : { succeeded: 0, failed: ids.length };
    },
    recordCounterPayment: async () => ({ paymentId: newId() }),
  };
  return { port, refunds, refuse, attempted };
}

/** A store (clock at 02:00) with one SKU, and a campaign open from 01:00 to 03:00 with `item` settings. */
export async function campaignWorld(db: Db, clock: ManualClock, o: Partial<CampaignInput> & { item?: Partial<CampaignInput['items'][number]> } = {}) {
  const tenant: Tenant = await makeTenant(db, { clock });
  const ctx = tenant.ctx();
  const p = await createProduct(ctx, { name: '阳山水蜜桃', skus: [{ spec: '6只装', unit: '盒', priceFen: 5000 }] });
  const skuId = p.skus[0]!.id;
  const now = clock.now().getTime();
  const { item, ...rest } = o;
  const campaign: CampaignView = await createCampaign(
    ctx,
    {
      title: '水蜜桃接龙',
      status: 'open',
      openAt: new Date(now - HOUR).toISOString(),
      cutoffAt: new Date(now + HOUR).toISOString(),
      pickupDate: new Date(now + 30 * HOUR).toISOString().slice(0, 10),
      items: [{ skuId, priceFen: 3990, ...item }],
      ...rest,
    },
    tenant.slug,
  );
  let phones = 0;
  const neighbour = async (name = '') =>
    (await findOrCreateCustomerByPhone(ctx, `139${String(Date.now() % 1e4).padStart(4, '0')}${String(phones++).padStart(4, '0')}`, { name })).customerId;
  return { tenant, ctx, skuId, campaign, itemId: campaign.items[0]!.id, cutoffAt: new Date(campaign.cutoffAt), neighbour };
}

export async function pay(ctx: Ctx, order: OrderView): Promise<void> {
  await markPaid(ctx, { orderId: order.id, paymentId: newId(), amountFen: order.totalFen });
}

export async function counters(db: Db, itemId: string) {
  const [item] = await db.select().from(gbItems).where(eq(gbItems.id, itemId));
  const people = await db.select().from(gbBuyerItems).where(eq(gbBuyerItems.itemId, itemId));
  return { sold: item!.sold, people: new Map(people.map((p) => [p.customerId, p.qty])) };
}

export async function eventsOf(db: Db, storeId: string, type: string) {
  return db
    .select()
    .from(outboxEvents)
    .where(and(eq(outboxEvents.storeId, storeId), eq(outboxEvents.type, type)))
    .orderBy(sql`${outboxEvents.id}`);
}
