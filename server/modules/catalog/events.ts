/** Catalog events: read models and the live room refresh what they show of a product. */
declare module '../../kernel/events.js' {
  interface DomainEvents {
    'catalog.product_saved': { productId: string; created: boolean };
    'catalog.category_saved': { categoryId: string };
    'catalog.supplier_saved': { supplierId: string; created: boolean };
  }
}

export {};
