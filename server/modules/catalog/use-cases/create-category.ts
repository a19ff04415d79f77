import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { inTx } from '../../../db/tx.js';
import { emit } from '../../../events/emit.js';
import type { Ctx } from '../../../kernel/ctx.js';
import { AppError } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import type { CategoryView, CreateCategoryBody } from '../contract.js';
import { uniqueRace } from '../sku-rules.js';
import { categories } from '../tables.js';

/** A shelf section; names are unique in a store so the shop never shows two 水果. */
export async function createCategory(ctx: Ctx, input: z.infer<typeof CreateCategoryBody>): Promise<CategoryView> {
  return inTx(ctx, async (tx) => {
    const [dup] = await tx.db
      .select({ id: categories.id })
      .from(categories)
      .where(and(eq(categories.storeId, tx.storeId), eq(categories.name, input.name)))
      .limit(1);
    if (dup) throw new AppError('CONFLICT', { field: 'name' });
    const row = { id: newId(), storeId: tx.storeId, name: input.name, sort: input.sort ?? 0 };
    await tx.db.insert(categories).values(row);
    await emit(tx, 'catalog.category_saved', { categoryId: row.id });
    return { id: row.id, name: row.name, sort: row.sort };
  }).catch((e: unknown) => {
    throw uniqueRace(e, 'catalog_category_name_uq', new AppError('CONFLICT', { field: 'name' }));
  });
}
