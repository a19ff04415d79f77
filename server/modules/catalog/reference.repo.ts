import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../kernel/ctx.js';
import { AppError } from '../../kernel/errors.js';
import type { CategoryView, SupplierView } from './contract.js';
import { categories, suppliers } from './tables.js';

/** Reads of the catalog's reference data: categories and suppliers of the ctx's store. */

export function listCategories(ctx: Ctx): Promise<CategoryView[]> {
  return ctx.db
    .select({ id: categories.id, name: categories.name, sort: categories.sort })
    .from(categories)
    .where(eq(categories.storeId, ctx.storeId))
    .orderBy(asc(categories.sort), asc(categories.createdAt));
}

const supplierColumns = {
  id: suppliers.id,
  name: suppliers.name,
  contact: suppliers.contact,
  phone: suppliers.phone,
  casePackDefault: suppliers.casePackDefault,
  active: suppliers.active,
};

export function listSuppliers(ctx: Ctx): Promise<SupplierView[]> {
  return ctx.db.select(supplierColumns).from(suppliers).where(eq(suppliers.storeId, ctx.storeId)).orderBy(asc(suppliers.createdAt));
}

export async function findSupplier(ctx: Ctx, supplierId: string): Promise<SupplierView | null> {
  const [row] = await ctx.db
    .select(supplierColumns)
    .from(suppliers)
    .where(and(eq(suppliers.storeId, ctx.storeId), eq(suppliers.id, supplierId)))
    .limit(1);
  return row ?? null;
}

/** Refuses a category id that is not one of this store's. */
export async function assertCategoryOfStore(ctx: Ctx, categoryId: string | null | undefined): Promise<void> {
  if (!categoryId) return;
  const [row] = await ctx.db
    .select({ id: categories.id })
    .from(categories)
    .where(and(eq(categories.storeId, ctx.storeId), eq(categories.id, categoryId)))
    .limit(1);
  if (!row) throw new AppError('CATEGORY_NOT_FOUND', { categoryId });
}

/** The store's suppliers among `ids` (by id); any other id is refused with SUPPLIER_NOT_FOUND. */
export async function suppliersOfStore(ctx: Ctx, ids: Array<string | null | undefined>): Promise<Map<string, SupplierView>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (wanted.length === 0) return new Map();
  const rows = await ctx.db
    .select(supplierColumns)
    .from(suppliers)
    .where(and(eq(suppliers.storeId, ctx.storeId), inArray(suppliers.id, wanted)));
  const found = new Map(rows.map((r) => [r.id, r]));
  const missing = wanted.find((id) => !found.has(id));
  if (missing) throw new AppError('SUPPLIER_NOT_FOUND', { supplierId: missing });
  return found;
}
