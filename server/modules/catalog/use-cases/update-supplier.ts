import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { inTx } from '../../../db/tx.js';
import { emit } from '../../../events/emit.js';
import type { Ctx } from '../../../kernel/ctx.js';
import { AppError } from '../../../kernel/errors.js';
import type { SupplierView, UpdateSupplierBody } from '../contract.js';
import { findSupplier } from '../reference.repo.js';
import { suppliers } from '../tables.js';

/**
 * Changes a supplier. A new default case pack applies to SKUs added later; existing SKUs keep
 * theirs (a purchase order must not change under the owner's feet).
 */
export async function updateSupplier(ctx: Ctx, supplierId: string, input: z.infer<typeof UpdateSupplierBody>): Promise<SupplierView> {
  return inTx(ctx, async (tx) => {
    const updated = await tx.db
      .update(suppliers)
      .set({ ...input, updatedAt: sql`now()` })
      .where(and(eq(suppliers.storeId, tx.storeId), eq(suppliers.id, supplierId)))
      .returning({ id: suppliers.id });
    if (updated.length === 0) throw new AppError('SUPPLIER_NOT_FOUND', { supplierId });
    await emit(tx, 'catalog.supplier_saved', { supplierId, created: false });
    return (await findSupplier(tx, supplierId))!;
  });
}
