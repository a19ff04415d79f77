import { sql } from 'drizzle-orm';
import { queryRows } from '../db/raw.js';
import type { Db } from '../kernel/ctx.js';

/**
 * Every row that belongs to a store (or to its organisation), across all tables that carry a
 * store_id or org_id column: the evidence that a request changed nothing of another tenant.
 */
export async function tenantSnapshot(db: Db, scope: { orgId: string; storeId: string }): Promise<string> {
  const cols = await queryRows<{ table_name: string; column_name: string }>(db, sql`
    select table_name, column_name from information_schema.columns
    where table_schema = 'public' and column_name in ('store_id', 'org_id')
    order by table_name, column_name`);
  const byTable = new Map<string, string[]>();
  for (const r of cols) byTable.set(r.table_name, [...(byTable.get(r.table_name) ?? []), r.column_name]);
  const parts: string[] = [];
  for (const [table, columns] of byTable) {
    const where = columns.includes('store_id') ? sql`store_id = ${scope.storeId}` : sql`org_id = ${scope.orgId}`;
    const rows = await queryRows<Record<string, unknown>>(db, sql`select * from ${sql.identifier(table)} where ${where}`);
    const lines = rows.map((r) => JSON.stringify(r)).sort();
    parts.push(`## ${table}\n${lines.join('\n')}`);
  }
  return parts.join('\n');
}
