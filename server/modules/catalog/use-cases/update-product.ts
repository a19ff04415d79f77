import { and, eq, sql } from 'drizzle-orm';
import { inTx } from '../../../db/tx.js';
import { emit } from '../../../events/emit.js';
import type { Ctx } from '../../../kernel/ctx.js';
import { AppError } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import type { NewSkuInput, ProductView, SkuChangeInput, UpdateProductInput } from '../contract.js';
import { findProductRow, getProduct, skusOfProducts } from '../product.repo.js';
import { assertCategoryOfStore, suppliersOfStore } from '../reference.repo.js';
import { assertBarcodesFree, barcodeRace, newSkuRow } from '../sku-rules.js';
import { products, skus } from '../tables.js';

const isChange = (s: SkuChangeInput | NewSkuInput): s is SkuChangeInput => 'id' in s && typeof s.id === 'string';

/**
 * Changes a product and its SKUs in one transaction. SKUs are added or changed, never deleted
 * (the ledger and orders point at them): a SKU leaves the shelf with `active: false`.
 */
export async function updateProduct(ctx: Ctx, productId: string, input: UpdateProductInput): Promise<ProductView> {
  try {
    return await inTx(ctx, async (tx) => {
      // the row lock keeps two concurrent edits of one product (and its images) in sequence
      const product = await findProductRow(tx, productId, { forUpdate: true });
      if (!product) throw new AppError('PRODUCT_NOT_FOUND', { productId });
      if (input.categoryId !== undefined) await assertCategoryOfStore(tx, input.categoryId);
      if (input.images && input.images.some((f) => !product.images.includes(f))) {
        throw new AppError('VALIDATION_FAILED', { field: 'images', reason: 'only images of this product can be kept or reordered' });
      }
      const changes = (input.skus ?? []).filter(isChange);
      const additions = (input.skus ?? []).filter((s): s is NewSkuInput => !isChange(s));
      const existing = (await skusOfProducts(tx, [productId])).get(productId) ?? [];
      const foreign = changes.find((c) => !existing.some((s) => s.id === c.id));
      if (foreign) throw new AppError('SKU_NOT_FOUND', { skuId: foreign.id });
      const supplierById = await suppliersOfStore(tx, (input.skus ?? []).map((s) => s.supplierId));
      await assertBarcodesFree(
        tx,
        [...changes.map((c) => c.barcode), ...additions.map((a) => a.barcode)],
        changes.filter((c) => c.barcode !== undefined).map((c) => c.id),
      );

      await tx.db
        .update(products)
        .set({
          name: input.name,
          description: input.description,
          categoryId: input.categoryId,
          active: input.active,
          images: input.images,
          noShowPolicy: input.noShowPolicy,
          updatedAt: sql`now()`,
        })
        .where(and(eq(products.storeId, tx.storeId), eq(products.id, productId)));
      for (const { id, ...fields } of changes) {
        await tx.db
          .update(skus)
          .set({ ...fields, updatedAt: sql`now()` })
          .where(and(eq(skus.storeId, tx.storeId), eq(skus.id, id)));
      }
      if (additions.length) {
        await tx.db.insert(skus).values(
          additions.map((s, i) =>
            newSkuRow(tx, newId(), productId, s, existing.length + i, s.supplierId ? supplierById.get(s.supplierId) : undefined),
          ),
        );
      }
      await emit(tx, 'catalog.product_saved', { productId, created: false });
      return (await getProduct(tx, productId))!;
    });
  } catch (e) {
    throw barcodeRace(e);
  }
}
