import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

/**
 * A multi-row INSERT for set-based writes (a flash-sale batch): the rows travel as ONE parameter,
 * a JSON array, expanded by `json_populate_recordset` in the database, instead of one bound
 * parameter per value built by the query builder (which costs more than the insert itself for
 * hundreds of rows). Same rows as `db.insert(table).values(rows)`: the columns are those the
 * first row gives (every row gives the same ones) plus those with a `$defaultFn`; the others take
 * their database default. Rows are inserted in array order (serial ids follow it). `tail`: e.g.
 * `on conflict do nothing returning id`.
 */
export function insertJsonRows<T extends PgTable>(table: T, rows: Array<T['$inferInsert']>, tail?: SQL): SQL {
  if (rows.length === 0) throw new Error('insertJsonRows: no rows');
  const columns = getTableColumns(table) as Record<string, { name: string; defaultFn?: () => unknown }>;
  const first = rows[0] as Record<string, unknown>;
  const keys = Object.keys(columns).filter((k) => first[k] !== undefined || columns[k]!.defaultFn);
  const data = rows.map((row) => {
    const r = row as Record<string, unknown>;
    const o: Record<string, unknown> = {};
    for (const k of keys) {
      const c = columns[k]!;
      const v = r[k] === undefined && c.defaultFn ? c.defaultFn() : r[k];
      if (v === undefined) throw new Error(`insertJsonRows: row without ${k} (every row gives the same columns)`);
      o[c.name] = v;
    }
    return o;
  });
  const names = sql.join(keys.map((k) => sql.identifier(columns[k]!.name)), sql`, `);
  return sql`insert into ${table} (${names})
    select ${names} from json_populate_recordset(null::${table}, ${JSON.stringify(data)}::json) with ordinality as x order by x.ordinality
    ${tail ?? sql``}`;
}

/**
 * The row as the database holds it after `insertJsonRows` (for a caller that needs the full row
 * without a RETURNING of every column): the given values, the columns' literal defaults, null.
 */
export function insertedRow<T extends PgTable>(table: T, values: T['$inferInsert']): T['$inferSelect'] {
  const columns = getTableColumns(table) as Record<string, { default?: unknown; hasDefault: boolean }>;
  const v = values as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, c] of Object.entries(columns)) {
    if (v[k] !== undefined) out[k] = v[k];
    else if (c.hasDefault && c.default !== undefined) {
      if (typeof c.default === 'object' && c.default !== null) throw new Error(`insertedRow: ${k} has a database-side default; give it`);
      out[k] = c.default;
    } else out[k] = null;
  }
  return out as T['$inferSelect'];
}
