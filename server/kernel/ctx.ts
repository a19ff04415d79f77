import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { Clock } from './clock.js';
import type { Lang } from './errors.js';

/** The root database or the transaction a use case runs in: the same query API. */
export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;

export type StaffRole = 'owner' | 'manager' | 'staff';

export type Actor =
  | { kind: 'staff'; staffId: string; role: StaffRole; name: string }
  | { kind: 'customer'; customerId: string }
  | { kind: 'system'; job: string };

/**
 * The request context: first parameter of every service method. Every query is scoped by its
 * store (or organisation); the actor says who did it, for audit and permission checks.
 */
export interface Ctx {
  orgId: string;
  storeId: string;
  actor: Actor;
  db: Db;
  /** true while `db` is a transaction */
  inTx: boolean;
  clock: Clock;
  lang: Lang;
  /** runs `fn` once the current transaction has committed (at once outside one) */
  afterCommit(fn: () => void): void;
  /** tells the outbox dispatcher that new events were committed */
  outboxWake(): void;
}

export function actorId(actor: Actor): string {
  switch (actor.kind) {
    case 'staff':
      return actor.staffId;
    case 'customer':
      return actor.customerId;
    case 'system':
      return `system:${actor.job}`;
  }
}
