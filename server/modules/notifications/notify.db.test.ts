import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { inTx } from '../../db/tx.js';
import { outboxEvents } from '../../events/tables.js';
import { ManualClock, MINUTE } from '../../kernel/clock.js';
import { createTestDatabase } from '../../testing/test-db.js';
import { makeTenant } from '../../testing/factories.js';
import { findOrCreateCustomerByPhone } from '../customers/index.js';
import { MessageDelivery, notify, type OutgoingMessage } from './index.js';
import { messages } from './tables.js';

describe('notification outbox', async () => {
  const database = await createTestDatabase();
  const db = database.db;
  const clock = new ManualClock();

  function delivery(send: (m: OutgoingMessage) => Promise<void> = async () => {}) {
    const sent: OutgoingMessage[] = [];
    const d = new MessageDelivery({
      db,
      clock,
      adapter: { kind: 'test', send: async (m) => (await send(m), void sent.push(m)) },
      outboxWake: () => {},
      log: () => {},
    });
    return { d, sent };
  }
  const eventsOf = (orgId: string, type: string) =>
    db.select().from(outboxEvents).where(and(eq(outboxEvents.orgId, orgId), eq(outboxEvents.type, type)));

  it('writes nothing when the change it belongs to rolls back', async () => {
    const tenant = await makeTenant(db, { clock });
    const failed = inTx(tenant.ctx(), async (tx) => {
      await notify(tx, { to: { phone: '13800000001' }, template: 'generic', params: { text: '到货了' } });
      throw new Error('the order could not be saved');
    });
    await expect(failed).rejects.toThrow('could not be saved');
    expect(await db.select().from(messages).where(eq(messages.storeId, tenant.storeId))).toHaveLength(0);
    expect(await eventsOf(tenant.orgId, 'notification.queued')).toHaveLength(0);
  });

  it('is delivered only after commit, then marked sent with an event', async () => {
    let wakes = 0;
    const tenant = await makeTenant(db, { clock, outboxWake: () => wakes++ });
    const { d, sent } = delivery();
    const { messageId } = await inTx(tenant.ctx(), async (tx) => {
      const r = await notify(tx, { to: { phone: '138 0000 0002' }, template: 'otp', params: { code: '654321' } });
      expect(wakes).toBe(0);
      return r;
    });
    expect(wakes).toBe(1);
    expect(await d.drain()).toBe(1);
    expect(sent).toEqual([expect.objectContaining({ id: messageId, phone: '13800000002', body: expect.stringMatching(/^【Org \w+】验证码 654321/) })]);
    const [row] = await db.select().from(messages).where(eq(messages.id, messageId));
    expect(row).toMatchObject({ status: 'sent', attempts: 1, sentAt: clock.now() });
    expect((await eventsOf(tenant.orgId, 'notification.sent')).map((e) => e.payload)).toEqual([
      { messageId, template: 'otp', customerId: null },
    ]);
    expect(await d.drain()).toBe(0);
  });

  it("finds a customer's phone within the organisation only", async () => {
    const tenant = await makeTenant(db, { clock });
    const elsewhere = await makeTenant(db, { clock });
    const { customerId } = await findOrCreateCustomerByPhone(tenant.ctx(), '13800000003');
    const { customerId: stranger } = await findOrCreateCustomerByPhone(elsewhere.ctx(), '13800000004');
    const ok = await notify(tenant.ctx(), { to: { customerId }, template: 'pickup_reminder', params: { pickupCode: '12345678' } });
    const bad = await notify(tenant.ctx(), { to: { customerId: stranger }, template: 'pickup_reminder', params: { pickupCode: '1' } });
    const rows = new Map((await db.select().from(messages).where(eq(messages.storeId, tenant.storeId))).map((m) => [m.id, m]));
    expect(rows.get(ok.messageId)).toMatchObject({ phone: '13800000003', customerId, status: 'queued' });
    expect(rows.get(bad.messageId)).toMatchObject({ phone: '', status: 'failed' });
  });

  it('retries a failing provider with backoff and gives up after five attempts', async () => {
    const tenant = await makeTenant(db, { clock });
    const { d } = delivery(async () => {
      throw new Error('provider down');
    });
    const { messageId } = await notify(tenant.ctx(), { to: { phone: '13800000005' }, template: 'generic', params: { text: 'x' } });
    await d.drain();
    await d.drain(); // not due again yet
    let [row] = await db.select().from(messages).where(eq(messages.id, messageId));
    expect(row).toMatchObject({ status: 'queued', attempts: 1, lastError: 'provider down' });
    for (let i = 0; i < 4; i++) {
      clock.advance(10 * MINUTE);
      await d.drain();
    }
    [row] = await db.select().from(messages).where(eq(messages.id, messageId));
    expect(row).toMatchObject({ status: 'failed', attempts: 5 });
    expect(await eventsOf(tenant.orgId, 'notification.failed')).toHaveLength(1);
  });
});
