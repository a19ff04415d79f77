import { eq, inArray, sql } from 'drizzle-orm';
import { queryRows } from '../db/raw.js';
import type { Db } from '../kernel/ctx.js';
import { Pacer } from '../kernel/pacer.js';
import type { DomainEvents, EventEnvelope, EventType } from '../kernel/events.js';
import { outboxEvents } from './tables.js';

type Handler<T extends EventType> = (event: EventEnvelope<T>) => Promise<void> | void;
type BatchHandler<T extends EventType> = (events: Array<EventEnvelope<T>>) => Promise<void> | void;

const MAX_ATTEMPTS = 10;
const LEASE_SECONDS = 60;
const CLAIM_LIMIT = 200;
/** the shortest time between the starts of two passes woken by commits */
const MIN_GAP_MS = 20;

/**
 * Delivers committed outbox events to subscribers in id order. One dispatcher runs per process;
 * with PostgreSQL several processes share the work through `FOR UPDATE SKIP LOCKED`.
 * A handler that throws leaves the event pending; it is tried again on the next pass.
 */
export class OutboxDispatcher {
  private handlers = new Map<string, Array<Handler<never>>>();
  private batchHandlers = new Map<string, Array<BatchHandler<never>>>();
  /** passes at most every MIN_GAP_MS while commits keep waking it: each claims many events, not one commit's few */
  private readonly pacer = new Pacer(() => this.pass().catch((err) => this.log('outbox pass failed', err)), MIN_GAP_MS);
  private timer: NodeJS.Timeout | null = null;
  /** set by stop(): a pass in flight ends after its current batch (a backlog of 100k events must not hold up a shutdown) */
  private stopping = false;

  constructor(private readonly db: Db, private readonly log: (msg: string, err?: unknown) => void = () => {}) {}

  on<T extends EventType>(type: T, handler: Handler<T>): void {
    const list = this.handlers.get(type) ?? [];
    list.push(handler as Handler<never>);
    this.handlers.set(type, list);
  }

  /**
   * A set-based subscriber: called once per claimed batch (up to 200 events) with every event of
   * `type` in it, in id order, after the batch's one-by-one handlers. For idempotent work whose
   * order against other types does not matter (caps given back, a progress signal): a close of
   * 100k orders then costs one statement per batch, not per event. If it throws, all of its
   * events stay pending and are tried again.
   */
  onBatch<T extends EventType>(type: T, handler: BatchHandler<T>): void {
    const list = this.batchHandlers.get(type) ?? [];
    list.push(handler as BatchHandler<never>);
    this.batchHandlers.set(type, list);
  }

  /** Called after a commit that wrote events: a pass now, or after the one under way (see Pacer). */
  wake = (): void => this.pacer.wake();

  /** Also poll, for events committed by other processes or left by a crash. */
  start(intervalMs = 1000): void {
    this.stopping = false;
    this.pacer.resume();
    this.timer = setInterval(this.wake, intervalMs);
    this.timer.unref();
    this.wake();
  }

  /** Stops polling and ends the pass in flight after its current batch; what is left stays pending for the next start. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.pacer.cancel();
  }

  /** Dispatches until nothing is pending, after any pass under way; resolves when done (tests await it). */
  async drain(): Promise<void> {
    await this.pacer.idle();
    await this.pass(true);
  }

  /** `untilEmpty`: also what the handlers emitted meanwhile (a drain); else a short batch ends the pass */
  private async pass(untilEmpty = false): Promise<void> {
    // a failing event is tried once per drain, not in a tight loop
    let cursor = 0;
    for (;;) {
      if (this.stopping) return;
      const { last, full } = await this.passOnce(cursor);
      // a short batch was all there was: a wake during this pass runs another one (`again`)
      if (last === null || (!full && !untilEmpty)) return;
      cursor = last;
    }
  }

  /**
   * Claims a batch with a short lease (so several processes never deliver the same event at
   * once), then runs the handlers outside any transaction: a handler may query and write freely
   * (PGlite runs one transaction at a time, so holding one here would deadlock a handler).
   */
  private async passOnce(afterId: number): Promise<{ last: number | null; full: boolean }> {
    // events nobody here subscribes to (order.created, notification.sent…) are marked delivered
    // by the claim itself: one write, not a lease and then a mark
    const subscribed = [...new Set([...this.handlers.keys(), ...this.batchHandlers.keys()])];
    type Claimed = { id: string | number; org_id: string; store_id: string; type: string; payload: unknown; created_at: string | Date };
    // In id order through the pending index, never "read every pending row and sort": right after
    // a big close (400k events in two minutes) the statistics still say a few hundred are pending,
    // and PostgreSQL chose the sort, reading all 400k for each claim of 200 (365 events/s instead
    // of thousands). Sorting is switched off for this one statement, in its own transaction.
    const claimed = await this.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_sort = off`);
      return queryRows<Claimed>(tx as unknown as Db, sql`
      update ${outboxEvents} set
        claimed_until = case when type = any(${sql.param(subscribed)}::text[]) then now() + interval '${sql.raw(String(LEASE_SECONDS))} seconds' end,
        dispatched_at = case when type = any(${sql.param(subscribed)}::text[]) then null else now() end
      where id in (
        select id from ${outboxEvents}
        where dispatched_at is null and attempts < ${MAX_ATTEMPTS} and id > ${afterId}
          and (claimed_until is null or claimed_until < now())
        order by id limit ${CLAIM_LIMIT}
        for update skip locked)
      returning id, org_id, store_id, type, case when type = any(${sql.param(subscribed)}::text[]) then payload end as payload, created_at`);
    });
    const all = claimed.map((r) => ({ ...r, id: Number(r.id) })).sort((a, b) => a.id - b.id);
    const rows = all.filter((r) => r.payload !== null);
    // the delivered ones are marked together after the pass (one statement, not one per event);
    // a crash before that leaves them to be delivered again once the lease ends (at least once)
    const done = new Set<number>();
    const batched = new Map<string, EventEnvelope[]>();
    const failed = async (id: number, type: string, err: unknown) => {
      this.log(`outbox event ${id} (${type}) failed`, err);
      done.delete(id);
      await this.db
        .update(outboxEvents)
        .set({ attempts: sql`${outboxEvents.attempts} + 1`, lastError: String(err), claimedUntil: null })
        .where(eq(outboxEvents.id, id));
    };
    for (const row of rows) {
      const event = {
        id: row.id,
        orgId: row.org_id,
        storeId: row.store_id,
        type: row.type as EventType,
        payload: row.payload as DomainEvents[EventType],
        createdAt: new Date(row.created_at),
      } satisfies EventEnvelope;
      try {
        for (const h of this.handlers.get(row.type) ?? []) await (h as Handler<EventType>)(event);
        done.add(row.id);
        if (this.batchHandlers.has(row.type)) batched.set(row.type, [...(batched.get(row.type) ?? []), event]);
      } catch (err) {
        await failed(row.id, row.type, err);
      }
    }
    for (const [type, events] of batched) {
      try {
        for (const h of this.batchHandlers.get(type) ?? []) await (h as BatchHandler<EventType>)(events);
      } catch (err) {
        for (const e of events) await failed(e.id, type, err);
      }
    }
    if (done.size > 0) {
      await this.db
        .update(outboxEvents)
        .set({ dispatchedAt: sql`now()`, claimedUntil: null })
        .where(inArray(outboxEvents.id, [...done]));
    }
    return { last: all.length ? all[all.length - 1]!.id : null, full: all.length === CLAIM_LIMIT };
  }
}
