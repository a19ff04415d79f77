import { and, count, desc, eq, ilike, inArray, like, or, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../kernel/ctx.js';
import type { CustomerPage } from './contract.js';
import { customerStores, customers } from './tables.js';

export interface CustomerRef {
  id: string;
  phone: string;
  /** the name the store knows them by, else their nickname; '' when neither */
  name: string;
}

/** Customers of the ctx's organisation by id; ids of other organisations are simply absent. */
export async function getCustomers(ctx: Ctx, ids: string[]): Promise<Map<string, CustomerRef>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await ctx.db
    .select({ id: customers.id, phone: customers.phone, name: customers.name, nickname: customers.nickname })
    .from(customers)
    .where(and(eq(customers.orgId, ctx.orgId), inArray(customers.id, unique)));
  return new Map(rows.map((r) => [r.id, { id: r.id, phone: r.phone, name: r.name || r.nickname }]));
}

export async function customerById(ctx: Ctx, id: string) {
  const [row] = await ctx.db
    .select()
    .from(customers)
    .where(and(eq(customers.orgId, ctx.orgId), eq(customers.id, id)))
    .limit(1);
  return row ?? null;
}

export async function customerIdByPhone(ctx: Ctx, phone: string): Promise<string | null> {
  const [row] = await ctx.db
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.orgId, ctx.orgId), eq(customers.phone, phone)))
    .limit(1);
  return row?.id ?? null;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The neighbours of the ctx's store, newest first; `q` digits match the end of the phone. */
export async function listStoreCustomers(ctx: Ctx, f: { q?: string; page: number; pageSize: number }): Promise<CustomerPage> {
  const conds: SQL[] = [eq(customerStores.storeId, ctx.storeId), eq(customerStores.orgId, ctx.orgId)];
  const q = f.q?.trim();
  if (q && /^\d+$/.test(q)) conds.push(like(customers.phone, `%${escapeLike(q)}`));
  else if (q) conds.push(or(ilike(customers.name, `%${escapeLike(q)}%`), ilike(customers.nickname, `%${escapeLike(q)}%`))!);
  const where = and(...conds);
  const [items, [total]] = await Promise.all([
    ctx.db
      .select({
        id: customers.id,
        phone: customers.phone,
        name: customers.name,
        nickname: customers.nickname,
        firstStoreId: customers.firstStoreId,
        joinedAt: customerStores.firstSeenAt,
        createdAt: customers.createdAt,
      })
      .from(customerStores)
      .innerJoin(customers, eq(customers.id, customerStores.customerId))
      .where(where)
      .orderBy(desc(customerStores.firstSeenAt), desc(customers.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    ctx.db
      .select({ n: count() })
      .from(customerStores)
      .innerJoin(customers, eq(customers.id, customerStores.customerId))
      .where(where),
  ]);
  return { items, total: total?.n ?? 0, page: f.page, pageSize: f.pageSize };
}
