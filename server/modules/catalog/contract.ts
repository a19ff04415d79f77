import { z } from 'zod';

/** Browser-safe schemas of the catalog API (imported by web/). Money is integer fen. */

export const PriceFen = z.int().min(0).max(100_000_000);
const CasePack = z.int().min(1).max(10_000);
/** names of stored images: random hex + the extension its bytes proved */
export const MediaFileName = z.string().regex(/^[0-9a-f]{32}\.(jpg|png|webp)$/);
export const MAX_IMAGES_PER_PRODUCT = 9;

export const CategoryView = z.object({ id: z.uuid(), name: z.string(), sort: z.int() });
export type CategoryView = z.infer<typeof CategoryView>;
export const CreateCategoryBody = z.object({
  name: z.string().trim().min(1).max(20),
  sort: z.int().min(0).max(9999).optional(),
});

const supplierFields = {
  name: z.string().trim().min(1).max(60),
  contact: z.string().trim().max(40),
  phone: z.string().trim().regex(/^[0-9+\- ]{0,20}$/, 'digits, +, - and spaces only'),
  casePackDefault: CasePack,
};
export const SupplierView = z.object({
  id: z.uuid(),
  name: z.string(),
  contact: z.string(),
  phone: z.string(),
  casePackDefault: z.int(),
  active: z.boolean(),
});
export type SupplierView = z.infer<typeof SupplierView>;
export const CreateSupplierBody = z.object({
  name: supplierFields.name,
  contact: supplierFields.contact.optional(),
  phone: supplierFields.phone.optional(),
  casePackDefault: CasePack.optional(),
});
export const UpdateSupplierBody = z
  .object({ ...supplierFields, active: z.boolean() })
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');

const skuFields = {
  /** 规格, e.g. 500g/盒 or 约1斤 */
  spec: z.string().trim().min(1).max(40),
  /** 单位: 盒, 斤, 个 … */
  unit: z.string().trim().min(1).max(8),
  barcode: z.string().trim().regex(/^[0-9A-Za-z-]{4,32}$/).nullable(),
  priceFen: PriceFen,
  weighed: z.boolean(),
  supplierId: z.uuid().nullable(),
  /** defaults to the supplier's case pack, else 1 */
  casePack: CasePack,
  active: z.boolean(),
};
export const NewSkuInput = z.object({
  spec: skuFields.spec,
  unit: skuFields.unit,
  priceFen: skuFields.priceFen,
  barcode: skuFields.barcode.optional(),
  weighed: skuFields.weighed.optional(),
  supplierId: skuFields.supplierId.optional(),
  casePack: skuFields.casePack.optional(),
  active: skuFields.active.optional(),
});
export type NewSkuInput = z.infer<typeof NewSkuInput>;
/** a change to an existing SKU: only the fields sent change */
export const SkuChangeInput = z.object({ id: z.uuid() }).extend(z.object(skuFields).partial().shape);
export type SkuChangeInput = z.infer<typeof SkuChangeInput>;

/** 未提货 (no-show) after the grace period: refund in full (default) or keep the money as store credit */
export const NoShowPolicySchema = z.enum(['refund', 'store_credit']);
export type NoShowPolicy = z.infer<typeof NoShowPolicySchema>;

export const CreateProductBody = z.object({
  name: z.string().trim().min(1).max(60),
  noShowPolicy: NoShowPolicySchema.optional(),
  description: z.string().trim().max(2000).optional(),
  categoryId: z.uuid().nullable().optional(),
  active: z.boolean().optional(),
  skus: z.array(NewSkuInput).min(1).max(50),
});
export type CreateProductInput = z.infer<typeof CreateProductBody>;

export const UpdateProductBody = z
  .object({
    name: z.string().trim().min(1).max(60),
    description: z.string().trim().max(2000),
    categoryId: z.uuid().nullable(),
    active: z.boolean(),
    noShowPolicy: NoShowPolicySchema,
    /** reorders or removes images; new images come through the upload route */
    images: z.array(MediaFileName).max(MAX_IMAGES_PER_PRODUCT),
    /** items with an id change that SKU; items without one add a SKU; SKUs not named stay as they are */
    // a new SKU must not carry an id, so a mistyped id is refused rather than read as "add one"
    skus: z.array(z.union([SkuChangeInput, NewSkuInput.extend({ id: z.never().optional() })])).max(50),
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');
export type UpdateProductInput = z.infer<typeof UpdateProductBody>;

export const SkuView = z.object({
  id: z.uuid(),
  spec: z.string(),
  unit: z.string(),
  barcode: z.string().nullable(),
  priceFen: z.int(),
  weighed: z.boolean(),
  supplierId: z.uuid().nullable(),
  casePack: z.int(),
  active: z.boolean(),
});
export type SkuView = z.infer<typeof SkuView>;

export const ImageView = z.object({ file: z.string(), url: z.string() });

export const ProductView = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  categoryId: z.uuid().nullable(),
  images: z.array(ImageView),
  active: z.boolean(),
  noShowPolicy: NoShowPolicySchema,
  skus: z.array(SkuView),
  updatedAt: z.iso.datetime(),
});
export type ProductView = z.infer<typeof ProductView>;

export const ProductListQuery = z.object({
  q: z.string().trim().max(60).optional(),
  categoryId: z.uuid().optional(),
  active: z.enum(['true', 'false']).optional(),
});
export type ProductListQuery = z.infer<typeof ProductListQuery>;

/** What a neighbour sees: no barcode, supplier or inactive SKU. */
export const ShopProduct = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  category: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  imageUrls: z.array(z.string()),
  skus: z.array(
    z.object({
      skuId: z.uuid(),
      spec: z.string(),
      unit: z.string(),
      priceFen: z.int(),
      weighed: z.boolean(),
      available: z.int(),
    }),
  ),
});
export type ShopProduct = z.infer<typeof ShopProduct>;

export const mediaUrl = (file: string): string => `/api/media/${file}`;
