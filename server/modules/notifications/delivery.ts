import { eq, inArray, sql } from 'drizzle-orm';
import { systemCtx } from '../../db/system-ctx.js';
import { inTx } from '../../db/tx.js';
import { emit, emitMany } from '../../events/emit.js';
import type { Clock } from '../../kernel/clock.js';
import type { Db } from '../../kernel/ctx.js';
import { Pacer } from '../../kernel/pacer.js';
import { dueMessages, lockQueuedMessages } from './notification.repo.js';
import { messages } from './tables.js';

export interface OutgoingMessage {
  id: string;
  storeId: string;
  channel: 'sms';
  phone: string;
  template: string;
  body: string;
}

/** The port to the world: an SMS provider, or the development log. Throws when not delivered. */
export interface NotificationAdapter {
  /** 'dev' shows every message (login codes too) in the log and on the console outbox page */
  readonly kind: string;
  send(msg: OutgoingMessage): Promise<void>;
}

const MAX_ATTEMPTS = 5;
const BATCH = 50;
/** 30 s, 1 min, 2 min, 4 min between attempts */
const backoffMs = (attempts: number) => 30_000 * 2 ** (attempts - 1);

export interface DeliveryDeps {
  db: Db;
  adapter: NotificationAdapter;
  clock: Clock;
  outboxWake(): void;
  log(msg: string, err?: unknown): void;
}

/**
 * Delivers queued messages through the adapter, a page of a store's messages per transaction
 * holding their row locks, so several processes never send one message twice. Delivery is at least once: a crash
 * between the provider's acceptance and the commit sends the message again on the next pass.
 */
export class MessageDelivery {
  private stopped = false;
  /** a flash sale queues messages with every batch: one pass per 20 ms at most, each sending more */
  private readonly pacer = new Pacer(
    () => this.drain().then(() => undefined, (err) => this.deps.log('notification delivery failed', err)),
    20,
  );

  constructor(private readonly deps: DeliveryDeps) {}

  /** Starts a pass now, or right after the one under way (see Pacer); never throws. */
  wake = (): void => {
    if (!this.stopped) this.pacer.wake();
  };

  /** One pass over every due message; resolves with how many were sent. */
  async drain(): Promise<number> {
    let after: { createdAt: Date; id: string } | null = null;
    let sent = 0;
    for (;;) {
      // a stop ends the pass after the page in flight (a backlog must not hold up a shutdown)
      if (this.stopped) return sent;
      const due = await dueMessages(this.deps.db, this.deps.clock.now(), after, BATCH);
      if (due.length === 0) return sent;
      after = due[due.length - 1]!;
      // one transaction per store and page of messages (not one per message): a flash sale's
      // hundreds of order-ready messages cost a few statements, not five each
      const byStore = new Map<string, typeof due>();
      for (const m of due) {
        byStore.set(m.storeId, [...(byStore.get(m.storeId) ?? []), m]);
      }
      for (const group of byStore.values()) sent += await this.deliverMany(group);
      // a short page was all that was due (a wake meanwhile runs another pass: `again`)
      if (due.length < BATCH) return sent;
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.pacer.cancel();
  }

  private async deliverMany(group: Array<{ id: string; orgId: string; storeId: string }>): Promise<number> {
    const base = systemCtx(this.deps.db, group[0]!, 'notifications.deliver', { clock: this.deps.clock, outboxWake: this.deps.outboxWake });
    return inTx(base, async (ctx) => {
      const rows = await lockQueuedMessages(ctx, group.map((m) => m.id));
      const now = ctx.clock.now();
      const ok: typeof rows = [];
      for (const row of rows) {
        try {
          await this.deps.adapter.send({ id: row.id, storeId: row.storeId, channel: row.channel, phone: row.phone, template: row.template, body: row.body });
          ok.push(row);
        } catch (err) {
          const attempts = row.attempts + 1;
          const error = err instanceof Error ? err.message : String(err);
          const gaveUp = attempts >= MAX_ATTEMPTS;
          await ctx.db
            .update(messages)
            .set({ attempts, lastError: error, status: gaveUp ? 'failed' : 'queued', nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)) })
            .where(eq(messages.id, row.id));
          if (gaveUp) await emit(ctx, 'notification.failed', { messageId: row.id, template: row.template, customerId: row.customerId, error });
        }
      }
      if (ok.length === 0) return 0;
      await ctx.db
        .update(messages)
        .set({ status: 'sent', sentAt: now, attempts: sql`${messages.attempts} + 1`, lastError: null })
        .where(inArray(messages.id, ok.map((r) => r.id)));
      await emitMany(ctx, ok.map((r) => ({ type: 'notification.sent' as const, payload: { messageId: r.id, template: r.template, customerId: r.customerId } })));
      return ok.length;
    });
  }
}
