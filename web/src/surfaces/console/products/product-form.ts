import type { CreateProductInput, NewSkuInput, ProductView, SkuChangeInput, UpdateProductInput } from '../../../api/types.js';
import { fenToYuan, yuanToFen } from '../../../lib/money.js';

/** The product form edits prices in 元; the API takes fen. */
export interface SkuFormValues {
  id?: string;
  spec: string;
  unit: string;
  priceYuan: number | null;
  barcode?: string | null;
  supplierId?: string | null;
  casePack?: number | null;
  weighed?: boolean;
  active?: boolean;
}
export interface ProductFormValues {
  name: string;
  description?: string;
  categoryId?: string | null;
  active: boolean;
  skus: SkuFormValues[];
}

export const EMPTY_SKU: SkuFormValues = { spec: '', unit: '份', priceYuan: null, weighed: false, active: true };

export function toFormValues(p: ProductView | null): ProductFormValues {
  if (!p) return { name: '', description: '', categoryId: null, active: true, skus: [{ ...EMPTY_SKU }] };
  return {
    name: p.name,
    description: p.description,
    categoryId: p.categoryId,
    active: p.active,
    skus: p.skus.map((s) => ({
      id: s.id,
      spec: s.spec,
      unit: s.unit,
      priceYuan: fenToYuan(s.priceFen),
      barcode: s.barcode,
      supplierId: s.supplierId,
      casePack: s.casePack,
      weighed: s.weighed,
      active: s.active,
    })),
  };
}

function skuBody(s: SkuFormValues): NewSkuInput {
  return {
    spec: s.spec.trim(),
    unit: s.unit.trim(),
    priceFen: yuanToFen(s.priceYuan ?? 0) ?? 0,
    barcode: s.barcode?.trim() ? s.barcode.trim() : null,
    supplierId: s.supplierId ?? null,
    ...(s.casePack ? { casePack: s.casePack } : {}),
    weighed: s.weighed ?? false,
    active: s.active ?? true,
  };
}

export function toCreateBody(v: ProductFormValues): CreateProductInput {
  return {
    name: v.name.trim(),
    description: v.description?.trim() ?? '',
    categoryId: v.categoryId ?? null,
    active: v.active,
    skus: v.skus.map(skuBody),
  };
}

export function toUpdateBody(v: ProductFormValues): UpdateProductInput {
  return {
    name: v.name.trim(),
    description: v.description?.trim() ?? '',
    categoryId: v.categoryId ?? null,
    active: v.active,
    skus: v.skus.map((s): SkuChangeInput | NewSkuInput => (s.id ? { id: s.id, ...skuBody(s) } : skuBody(s))),
  };
}
