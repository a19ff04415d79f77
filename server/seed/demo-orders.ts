import { eq } from 'drizzle-orm';
import type { Ctx } from '../kernel/ctx.js';
import { newId } from '../kernel/ids.js';
import { listSkusForSale } from '../modules/catalog/index.js';
import { findOrCreateCustomerByPhone } from '../modules/customers/index.js';
import { cancelOrder, createOrder, markPaid, markRefundSucceeded, markRefundsSucceeded, refundOrder, verifyPickup, type CreateOrderInput } from '../modules/orders/index.js';
import { createPayments, signSandboxBody } from '../modules/payments/index.js';
import { tenancyTables } from '../modules/tenancy/index.js';
import { DEMO_NEIGHBOURS } from './demo-neighbours.js';

// the seed's own sandbox: it signs and handles its notifications itself
const SEED_SECRET = 'linli-demo-seed-sandbox-secret';

/**
 * A few orders of the demo neighbours in every state the console and the counter show: paid and
 * ready, to pay at pickup, picked up, partly refunded, unpaid (its hold runs out 15 minutes
 * after the first start), cancelled. Money moves through the payments module, as in the app.
 * Runs after the catalog and neighbours seeds.
 */
export async function seedDemoOrders(ctx: Ctx): Promise<void> {
  const skus = await listSkusForSale(ctx);
  const sku = (name: string) => {
    const s = skus.find((x) => x.productName === name);
    if (!s) throw new Error(`demo orders: no product ${name} in the demo catalog`);
    return s.skuId;
  };
  const who = async (i: number) => (await findOrCreateCustomerByPhone(ctx, DEMO_NEIGHBOURS[i]!.phone)).customerId;
  const payments = createPayments({
    db: ctx.db,
    clock: ctx.clock,
    secret: SEED_SECRET,
    deliver: async () => ({ status: 200 }),
    onPaymentSucceeded: (c, p) => markPaid(c, p),
    onRefundSucceeded: (c, p) => markRefundSucceeded(c, p),
    onRefundsSucceeded: (c, list) => markRefundsSucceeded(c, list),
  });
  const order = async (i: number, channel: CreateOrderInput['channel'], lines: Array<[string, number]>, paymentMethod: 'sandbox' | 'pay_at_pickup') =>
    createOrder(ctx, {
      channel,
      customerId: await who(i),
      lines: lines.map(([name, qty]) => ({ skuId: sku(name), qty })),
      paymentMethod,
      fulfilment: 'in_stock',
    });
  // the real path: prepay, then the wallet's signed notification (which calls markPaid)
  const pay = async (orderId: string, amountFen: number) => {
    const { paymentId } = await payments.startPayment(ctx, { orderId, amountFen, provider: 'sandbox' });
    const body = JSON.stringify({ notifyId: newId(), paymentId, amountFen, status: 'SUCCESS', paidAt: ctx.clock.now().toISOString() });
    await payments.handleSandboxNotification(body, signSandboxBody(SEED_SECRET, body));
  };

  const ready = await order(0, 'groupbuy', [['丹东草莓', 2], ['崇明土鸡蛋', 1]], 'sandbox');
  await pay(ready.id, ready.totalFen);

  await order(1, 'groupbuy', [['五常大米', 1], ['金龙鱼花生油', 1]], 'pay_at_pickup');

  const picked = await order(2, 'live', [['阳光玫瑰葡萄', 1]], 'sandbox');
  await pay(picked.id, picked.totalFen);
  // 小美 at the counter (any staff member of the store in tests)
  const { staffAccounts: acc, staffMemberships: mem } = tenancyTables;
  const staff = await ctx.db
    .select({ id: acc.id, name: acc.name, login: acc.login })
    .from(mem)
    .innerJoin(acc, eq(acc.id, mem.staffId))
    .where(eq(mem.storeId, ctx.storeId));
  const clerk = staff.find((s) => s.login === 'xiaomei') ?? staff[0];
  if (clerk) {
    const counter: Ctx = { ...ctx, actor: { kind: 'staff', staffId: clerk.id, role: 'staff', name: clerk.name } };
    await verifyPickup(counter, { code: picked.pickupCode, requestId: newId(), device: '收银台' }, payments);
  }

  const partly = await order(3, 'groupbuy', [['光明鲜牛奶', 2], ['现磨豆浆', 1]], 'sandbox');
  await pay(partly.id, partly.totalFen);
  const milk = partly.lines[0]!;
  await refundOrder(ctx, { orderId: partly.id, amountFen: milk.unitPriceFen, reason: '牛奶到货一瓶破损', lines: [{ lineId: milk.id, qty: 1 }] }, payments);

  await order(4, 'live', [['农夫山泉', 6]], 'sandbox');

  const withdrawn = await order(5, 'groupbuy', [['海南香蕉', 2]], 'pay_at_pickup');
  await cancelOrder(ctx, withdrawn.id, '不需要了', payments);
  await payments.stop();
}
