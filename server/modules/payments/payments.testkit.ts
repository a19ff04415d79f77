import { ManualClock } from '../../kernel/clock.js';
import type { Ctx } from '../../kernel/ctx.js';
import type { Database } from '../../db/open.js';
import { createTestDatabase } from '../../testing/test-db.js';
import { makeTenant, type Tenant } from '../../testing/factories.js';
import { SANDBOX_SIGNATURE_HEADER, type SandboxNotification } from './contract.js';
import { createPayments, type Payments } from './payments.js';
import { signSandboxBody } from './providers/sandbox.js';
import type { Deliver } from './sandbox-wallet.js';

export const TEST_SECRET = 'test-sandbox-secret-0123456789';

export interface Kit {
  database: Database;
  clock: ManualClock;
  payments: Payments;
  tenant: Tenant;
  ctx: Ctx;
  /** what the stub order side received */
  paid: Array<{ orderId: string; paymentId: string; amountFen: number }>;
  refunded: Array<{ orderId: string; refundId: string; amountFen: number }>;
  /** replace to make the order side refuse or fail */
  onPaid: (ctx: Ctx, p: { orderId: string; paymentId: string; amountFen: number }) => Promise<void>;
  /** every notification the wallet tried to deliver, and the status it got */
  deliveries: Array<{ body: string; status: number }>;
  /** replace to make delivery fail (return a status or throw) */
  transport: Deliver;
  newTenant(): Promise<Tenant>;
}

/** A payments module on a test database, with a stub order side and a direct wallet transport. */
export async function paymentsKit(): Promise<Kit> {
  const database = await createTestDatabase();
  const clock = new ManualClock(new Date('2026-11-25T12:00:00Z'));
  const kit = { database, clock, paid: [], refunded: [], deliveries: [] } as unknown as Kit;
  kit.onPaid = async (_ctx, p) => void kit.paid.push(p);
  kit.transport = async (req) => {
    try {
      await kit.payments.handleSandboxNotification(req.body, req.headers[SANDBOX_SIGNATURE_HEADER]);
      return { status: 200 };
    } catch (e) {
      return { status: (e as { status?: number }).status ?? 500 };
    }
  };
  kit.payments = createPayments({
    db: database.db,
    clock,
    secret: TEST_SECRET,
    walletRetryDelaysMs: [5, 5, 5],
    deliver: async (req) => {
      const res = await kit.transport(req);
      kit.deliveries.push({ body: req.body, status: res.status });
      return res;
    },
    onPaymentSucceeded: (ctx, p) => kit.onPaid(ctx, p),
    onRefundSucceeded: async (_ctx, r) => void kit.refunded.push(r),
    onRefundsSucceeded: async (_ctx, list) => void kit.refunded.push(...list),
  });
  kit.newTenant = () => makeTenant(database.db, { clock });
  kit.tenant = await kit.newTenant();
  kit.ctx = kit.tenant.ctx();
  return kit;
}

/** A notification as the wallet server would sign it (or not, with another secret). */
export function signedNotification(n: Partial<SandboxNotification> & { paymentId: string; amountFen: number }, secret = TEST_SECRET) {
  const body = JSON.stringify({
    notifyId: n.notifyId ?? `n-${Math.random().toString(36).slice(2, 12)}`,
    paymentId: n.paymentId,
    amountFen: n.amountFen,
    status: 'SUCCESS',
    paidAt: n.paidAt ?? '2026-11-25T12:00:05.000Z',
  });
  return { body, signature: signSandboxBody(secret, body) };
}
