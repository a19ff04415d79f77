/** Catalog: products, SKUs, categories, suppliers and product images of a store. */
import './events.js';

export { registerCatalogRoutes, type CatalogRouteOptions } from './routes.js';
export { getSkusForSale, listSkusForSale, type SkuForSale } from './product.repo.js';
export { listSuppliers } from './reference.repo.js';
export type { StockLevelsPort } from './shop.repo.js';
export { createProduct } from './use-cases/create-product.js';
export { updateProduct } from './use-cases/update-product.js';
export { createCategory } from './use-cases/create-category.js';
export { createSupplier } from './use-cases/create-supplier.js';
export { updateSupplier } from './use-cases/update-supplier.js';
export * from './contract.js';
