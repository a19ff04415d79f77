import { api, get, patch, post } from './client.js';
import type { CategoryView, CreateProductInput, ProductView, SupplierView, UpdateProductInput } from './types.js';

export const catalogApi = {
  products: (q: { q?: string; categoryId?: string; active?: 'true' | 'false' } = {}, signal?: AbortSignal) => get<ProductView[]>('/api/console/products', q, signal),
  product: (id: string) => get<ProductView>(`/api/console/products/${id}`),
  create: (b: CreateProductInput) => post<ProductView>('/api/console/products', b),
  update: (id: string, b: UpdateProductInput) => patch<ProductView>(`/api/console/products/${id}`, b),
  /** one image per request, multipart field "file" */
  uploadImage: (id: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api<ProductView>(`/api/console/products/${id}/images`, { method: 'POST', body: form });
  },
  categories: () => get<CategoryView[]>('/api/console/categories'),
  createCategory: (name: string) => post<CategoryView>('/api/console/categories', { name }),
  suppliers: () => get<SupplierView[]>('/api/console/suppliers'),
};
