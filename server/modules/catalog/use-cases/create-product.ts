import { inTx } from '../../../db/tx.js';
import { emit } from '../../../events/emit.js';
import type { Ctx } from '../../../kernel/ctx.js';
import { newId } from '../../../kernel/ids.js';
import type { CreateProductInput, ProductView } from '../contract.js';
import { getProduct } from '../product.repo.js';
import { assertCategoryOfStore, suppliersOfStore } from '../reference.repo.js';
import { assertBarcodesFree, barcodeRace, newSkuRow } from '../sku-rules.js';
import { products, skus } from '../tables.js';

/** A product with its SKUs, in one transaction; category and suppliers must be the store's. */
export async function createProduct(ctx: Ctx, input: CreateProductInput): Promise<ProductView> {
  try {
    return await inTx(ctx, async (tx) => {
      await assertCategoryOfStore(tx, input.categoryId);
      const supplierById = await suppliersOfStore(tx, input.skus.map((s) => s.supplierId));
      await assertBarcodesFree(tx, input.skus.map((s) => s.barcode));
      const id = newId();
      await tx.db.insert(products).values({
        id,
        storeId: tx.storeId,
        categoryId: input.categoryId ?? null,
        name: input.name,
        description: input.description ?? '',
        active: input.active ?? true,
        noShowPolicy: input.noShowPolicy ?? 'refund',
      });
      await tx.db
        .insert(skus)
        .values(input.skus.map((s, i) => newSkuRow(tx, newId(), id, s, i, s.supplierId ? supplierById.get(s.supplierId) : undefined)));
      await emit(tx, 'catalog.product_saved', { productId: id, created: true });
      return (await getProduct(tx, id))!;
    });
  } catch (e) {
    throw barcodeRace(e);
  }
}
