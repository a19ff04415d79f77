import { eq } from 'drizzle-orm';
import { systemCtx } from '../../db/system-ctx.js';
import { inTx } from '../../db/tx.js';
import { emit } from '../../events/emit.js';
import type { Clock } from '../../kernel/clock.js';
import type { Db } from '../../kernel/ctx.js';
import { dueMessages, lockQueuedMessage } from './notification.repo.js';
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
 * Delivers queued messages through the adapter, each in its own transaction holding the row
 * lock, so several processes never send one message twice. Delivery is at least once: a crash
 * between the provider's acceptance and the commit sends the message again on the next pass.
 */
export class MessageDelivery {
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(private readonly deps: DeliveryDeps) {}

  /** Starts a pass now, or right after the one under way; never throws. */
  wake = (): void => {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .then(() => undefined, (err) => this.deps.log('notification delivery failed', err))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  };

  /** One pass over every due message; resolves with how many were sent. */
  async drain(): Promise<number> {
    const tried: string[] = [];
    let sent = 0;
    for (;;) {
      const due = await dueMessages(this.deps.db, this.deps.clock.now(), tried, BATCH);
      if (due.length === 0) return sent;
      for (const m of due) {
        tried.push(m.id);
        if (await this.deliverOne(m)) sent++;
      }
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }

  private async deliverOne(m: { id: string; orgId: string; storeId: string }): Promise<boolean> {
    const base = systemCtx(this.deps.db, m, 'notifications.deliver', { clock: this.deps.clock, outboxWake: this.deps.outboxWake });
    return inTx(base, async (ctx) => {
      const row = await lockQueuedMessage(ctx, m.id);
      if (!row) return false;
      const now = ctx.clock.now();
      const event = { messageId: row.id, template: row.template, customerId: row.customerId };
      try {
        await this.deps.adapter.send({ id: row.id, storeId: row.storeId, channel: row.channel, phone: row.phone, template: row.template, body: row.body });
      } catch (err) {
        const attempts = row.attempts + 1;
        const error = err instanceof Error ? err.message : String(err);
        const gaveUp = attempts >= MAX_ATTEMPTS;
        await ctx.db
          .update(messages)
          .set({ attempts, lastError: error, status: gaveUp ? 'failed' : 'queued', nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)) })
          .where(eq(messages.id, row.id));
        if (gaveUp) await emit(ctx, 'notification.failed', { ...event, error });
        return false;
      }
      await ctx.db.update(messages).set({ status: 'sent', sentAt: now, attempts: row.attempts + 1, lastError: null }).where(eq(messages.id, row.id));
      await emit(ctx, 'notification.sent', event);
      return true;
    });
  }
}
