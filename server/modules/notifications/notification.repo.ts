import { and, asc, count, desc, eq, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Ctx, Db } from '../../kernel/ctx.js';
import { tenancyTables } from '../tenancy/index.js';
import type { MessageStatus, NotificationTemplate, OutboxMessage } from './contract.js';
import { messages } from './tables.js';
import type { Sender } from './templates.js';

const { organisations, stores } = tenancyTables;

export async function senderOf(ctx: Ctx): Promise<Sender> {
  const [row] = await ctx.db
    .select({ brand: organisations.name, storeName: stores.name })
    .from(stores)
    .innerJoin(organisations, eq(organisations.id, stores.orgId))
    .where(and(eq(stores.id, ctx.storeId), eq(stores.orgId, ctx.orgId)))
    .limit(1);
  if (!row) throw new Error(`store ${ctx.storeId} not found in org ${ctx.orgId}`);
  return row;
}

/** The store's messages, newest first. */
export async function listOutbox(ctx: Ctx, f: { status?: MessageStatus; page: number; pageSize: number }) {
  const conds: SQL[] = [eq(messages.storeId, ctx.storeId), eq(messages.orgId, ctx.orgId)];
  if (f.status) conds.push(eq(messages.status, f.status));
  const where = and(...conds);
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(messages)
      .where(where)
      .orderBy(desc(messages.createdAt), desc(messages.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    ctx.db.select({ n: count() }).from(messages).where(where),
  ]);
  const items: OutboxMessage[] = rows.map((m) => ({
    id: m.id,
    customerId: m.customerId,
    phone: m.phone,
    channel: m.channel,
    template: m.template as NotificationTemplate,
    body: m.body,
    status: m.status,
    attempts: m.attempts,
    lastError: m.lastError,
    createdAt: m.createdAt,
    sentAt: m.sentAt,
  }));
  return { items, total: total?.n ?? 0, page: f.page, pageSize: f.pageSize };
}

/** Queued messages whose time has come, oldest first, skipping those already tried this pass. */
/**
 * A page of due messages, oldest first, after `after` (the last of the previous page): a pass
 * walks forward and never sees one twice, whether it was sent, failed or skipped as locked.
 */
export async function dueMessages(db: Db, now: Date, after: { createdAt: Date; id: string } | null, limit: number) {
  const conds: SQL[] = [eq(messages.status, 'queued'), lte(messages.nextAttemptAt, now)];
  if (after) conds.push(sql`(${messages.createdAt}, ${messages.id}) > (${after.createdAt.toISOString()}::timestamptz, ${after.id}::uuid)`);
  return db
    .select({ id: messages.id, orgId: messages.orgId, storeId: messages.storeId, createdAt: messages.createdAt })
    .from(messages)
    .where(and(...conds))
    .orderBy(asc(messages.createdAt), asc(messages.id))
    .limit(limit);
}

/** Those of the messages still queued that no other process is delivering, locked, oldest first. */
export async function lockQueuedMessages(ctx: Ctx, ids: string[]) {
  if (ids.length === 0) return [];
  return ctx.db
    .select()
    .from(messages)
    .where(and(inArray(messages.id, ids), eq(messages.status, 'queued')))
    .orderBy(asc(messages.createdAt))
    .for('update', { skipLocked: true });
}

