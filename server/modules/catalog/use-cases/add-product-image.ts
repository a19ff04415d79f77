import { and, eq, sql } from 'drizzle-orm';
import { inTx } from '../../../db/tx.js';
import { emit } from '../../../events/emit.js';
import type { Ctx } from '../../../kernel/ctx.js';
import { AppError } from '../../../kernel/errors.js';
import { MAX_IMAGES_PER_PRODUCT, type ProductView } from '../contract.js';
import { detectImageKind, MAX_IMAGE_BYTES, removeImage, saveImage } from '../media.js';
import { findProductRow, getProduct } from '../product.repo.js';
import { products } from '../tables.js';

/**
 * Stores an uploaded image and appends it to the product's images. The file is written first
 * and removed again if the product refuses it, so no row ever names a missing file.
 */
export async function addProductImage(ctx: Ctx, mediaDir: string, productId: string, bytes: Buffer): Promise<ProductView> {
  if (!(await findProductRow(ctx, productId))) throw new AppError('PRODUCT_NOT_FOUND', { productId });
  const kind = detectImageKind(bytes);
  if (!kind || bytes.length > MAX_IMAGE_BYTES) throw new AppError('IMAGE_INVALID', { bytes: bytes.length });
  const file = await saveImage(mediaDir, bytes, kind);
  try {
    return await inTx(ctx, async (tx) => {
      // the limit is checked in the update itself, so two uploads at once cannot pass it together
      const updated = await tx.db
        .update(products)
        .set({ images: sql`${products.images} || ${JSON.stringify([file])}::jsonb`, updatedAt: sql`now()` })
        .where(
          and(
            eq(products.storeId, tx.storeId),
            eq(products.id, productId),
            sql`jsonb_array_length(${products.images}) < ${MAX_IMAGES_PER_PRODUCT}`,
          ),
        )
        .returning({ id: products.id });
      if (updated.length === 0) throw new AppError('VALIDATION_FAILED', { field: 'images', max: MAX_IMAGES_PER_PRODUCT });
      await emit(tx, 'catalog.product_saved', { productId, created: false });
      return (await getProduct(tx, productId))!;
    });
  } catch (e) {
    await removeImage(mediaDir, file);
    throw e;
  }
}
