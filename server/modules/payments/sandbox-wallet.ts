import { and, eq, isNull } from 'drizzle-orm';
import type { Clock } from '../../kernel/clock.js';
import { DAY, MINUTE } from '../../kernel/clock.js';
import type { Db } from '../../kernel/ctx.js';
import { AppError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { SANDBOX_SIGNATURE_HEADER, type SandboxNotification } from './contract.js';
import { confirmedUnpaidSandbox, paymentById } from './payments.repo.js';
import { hashToken, signSandboxBody } from './providers/sandbox.js';
import { payments } from './tables.js';

export const SANDBOX_NOTIFY_PATH = '/api/payments/sandbox/notify';

/** How the wallet server reaches the store's notify endpoint: HTTP in production, app.inject in tests. */
export type Deliver = (req: { path: string; headers: Record<string, string>; body: string }) => Promise<{ status: number }>;

export interface WalletOptions {
  db: Db;
  clock: Clock;
  secret: string;
  deliver: Deliver;
  log(msg: string, err?: unknown): void;
  /** waits between delivery attempts; the last one exhausted ends the run (the job sends again later) */
  retryDelaysMs?: number[];
}

const DEFAULT_RETRY_MS = [1_000, 5_000, 30_000, 2 * MINUTE];
/** a confirmed payment still unpaid after this long gets a fresh notification from the job */
export const REDELIVER_AFTER_MS = 2 * MINUTE;

/**
 * The sandbox's pretend wallet server: what WeChat Pay or Alipay would run. The neighbour's
 * "pay" tap confirms the payment here; the wallet then notifies the store asynchronously with a
 * signed body and retries until the store acknowledges (2xx), like real providers do.
 * Deliveries in flight live in memory; the redelivery job covers restarts.
 */
export class SandboxWallet {
  private readonly inflight = new Map<string, Promise<void>>();
  private readonly sleepers = new Set<() => void>();
  private stopped = false;

  constructor(private readonly o: WalletOptions) {}

  /** The wallet sheet's pay button. A second tap with the same token changes nothing. */
  async confirm(paymentId: string, confirmToken: string): Promise<{ paymentId: string; status: 'processing' }> {
    const tokenHash = hashToken(confirmToken);
    const [row] = await this.o.db
      .update(payments)
      .set({ confirmedAt: this.o.clock.now() })
      .where(
        and(
          eq(payments.id, paymentId),
          eq(payments.provider, 'sandbox'),
          eq(payments.status, 'created'),
          eq(payments.confirmTokenHash, tokenHash),
          isNull(payments.confirmedAt),
        ),
      )
      .returning();
    if (!row) {
      const p = await paymentById(this.o.db, paymentId);
      // an unknown id and a wrong token look the same: the token is the only credential here
      if (!p || p.provider !== 'sandbox' || p.confirmTokenHash !== tokenHash) throw new AppError('PAYMENT_NOT_FOUND', { paymentId });
      if (!p.confirmedAt) throw new AppError('PAYMENT_STATE_INVALID', { paymentId, status: p.status });
      return { paymentId, status: 'processing' };
    }
    this.send(row.id, row.amountFen, row.confirmedAt!);
    return { paymentId, status: 'processing' };
  }

  /** Starts delivering one notification for the payment, unless one is already under way. */
  send(paymentId: string, amountFen: number, paidAt: Date): void {
    if (this.stopped || this.inflight.has(paymentId)) return;
    const n: SandboxNotification = { notifyId: newId(), paymentId, amountFen, status: 'SUCCESS', paidAt: paidAt.toISOString() };
    const body = JSON.stringify(n);
    const headers = { 'content-type': 'application/json', [SANDBOX_SIGNATURE_HEADER]: signSandboxBody(this.o.secret, body) };
    const run = this.deliverUntilAcknowledged(n, headers, body).finally(() => this.inflight.delete(paymentId));
    this.inflight.set(paymentId, run);
  }

  /**
   * The job: confirmed payments whose notification never got through (restart, outage) get a
   * fresh one, for a day after the confirm, as real providers keep notifying for about that long.
   */
  async redeliverStale(): Promise<number> {
    const now = this.o.clock.now().getTime();
    const stale = await confirmedUnpaidSandbox(this.o.db, new Date(now - DAY), new Date(now - REDELIVER_AFTER_MS), 100);
    for (const p of stale) this.send(p.id, p.amountFen, p.confirmedAt!);
    return stale.length;
  }

  /** Resolves when no delivery is under way (tests await it). */
  async idle(): Promise<void> {
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight.values()]);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const wake of this.sleepers) wake();
    await this.idle();
  }

  private async deliverUntilAcknowledged(n: SandboxNotification, headers: Record<string, string>, body: string): Promise<void> {
    const delays = this.o.retryDelaysMs ?? DEFAULT_RETRY_MS;
    for (let attempt = 0; ; attempt++) {
      let why: unknown;
      try {
        const res = await this.o.deliver({ path: SANDBOX_NOTIFY_PATH, headers, body });
        if (res.status >= 200 && res.status < 300) return;
        why = `HTTP ${res.status}`;
      } catch (e) {
        why = e;
      }
      const delay = delays[attempt];
      if (delay === undefined || this.stopped) {
        this.o.log(`sandbox wallet: notification ${n.notifyId} for payment ${n.paymentId} not acknowledged after ${attempt + 1} attempts`, why);
        return;
      }
      await this.sleep(delay);
      if (this.stopped) return;
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(t);
        this.sleepers.delete(wake);
        resolve();
      };
      const t = setTimeout(wake, ms);
      t.unref();
      this.sleepers.add(wake);
    });
  }
}

/** Production: POST to the server's own port, like a provider calling the public notify URL. */
export function httpDeliver(baseUrl: string): Deliver {
  return async (req) => {
    const res = await fetch(`${baseUrl}${req.path}`, { method: 'POST', headers: req.headers, body: req.body, signal: AbortSignal.timeout(10_000) });
    await res.arrayBuffer();
    return { status: res.status };
  };
}

/** Tests: the same request through app.inject, no port opened. */
export function injectDeliver(app: {
  inject(o: { method: 'POST'; url: string; headers: Record<string, string>; payload: string }): PromiseLike<{ statusCode: number }>;
}): Deliver {
  return async (req) => ({ status: (await app.inject({ method: 'POST', url: req.path, headers: req.headers, payload: req.body })).statusCode });
}
