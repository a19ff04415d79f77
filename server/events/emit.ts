import { insertJsonRows } from '../db/json-rows.js';
import type { Ctx } from '../kernel/ctx.js';
import type { DomainEvents, EventType } from '../kernel/events.js';
import { outboxEvents } from './tables.js';

/**
 * Records a domain event in the caller's transaction. It is dispatched only after that
 * transaction commits, so no subscriber ever sees a change that was rolled back.
 */
export async function emit<T extends EventType>(ctx: Ctx, type: T, payload: DomainEvents[T]): Promise<void> {
  if (!ctx.inTx) throw new Error(`event ${type} must be emitted inside a transaction`);
  await ctx.db.insert(outboxEvents).values({ orgId: ctx.orgId, storeId: ctx.storeId, type, payload });
  ctx.afterCommit(ctx.outboxWake);
}

/** Several events in one multi-row insert (set-based use cases: one statement for a whole batch). */
export async function emitMany<T extends EventType>(ctx: Ctx, events: Array<{ type: T; payload: DomainEvents[T] }>): Promise<void> {
  if (!ctx.inTx) throw new Error('events must be emitted inside a transaction');
  if (events.length === 0) return;
  await ctx.db.execute(insertJsonRows(outboxEvents, events.map((e) => ({ orgId: ctx.orgId, storeId: ctx.storeId, type: e.type, payload: e.payload }))));
  ctx.afterCommit(ctx.outboxWake);
}
