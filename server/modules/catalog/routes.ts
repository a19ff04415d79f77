import { z } from 'zod';
import type { AppDeps } from '../../app.js';
import { shopCtx, staffCtx } from '../../http/context.js';
import type { App } from '../../http/types.js';
import { AppError } from '../../kernel/errors.js';
import { CreateProductBody, ProductListQuery, ProductView, ShopProduct, UpdateProductBody } from './contract.js';
import { registerMediaRoutes } from './media.routes.js';
import { getProduct, listProducts } from './product.repo.js';
import { registerReferenceRoutes } from './reference.routes.js';
import { listShopProducts, type StockLevelsPort } from './shop.repo.js';
import { createProduct } from './use-cases/create-product.js';
import { updateProduct } from './use-cases/update-product.js';

export interface CatalogRouteOptions {
  /** where product images live: DATA_DIR/media (a temp dir in tests) */
  mediaDir: string;
  stockLevels: StockLevelsPort;
}

const tags = ['catalog'];
const WRITERS: ['owner', 'manager'] = ['owner', 'manager'];
const ProductParams = z.object({ id: z.uuid() });

export function registerCatalogRoutes(app: App, deps: AppDeps, opts: CatalogRouteOptions): void {
  app.get(
    '/api/console/products',
    { schema: { tags, summary: '商品列表 Products of the store', querystring: ProductListQuery, response: { 200: z.array(ProductView) } } },
    async (req) => listProducts(await staffCtx(deps.ctx, req), req.query),
  );

  app.post(
    '/api/console/products',
    { schema: { tags, summary: '新建商品 Create a product with its SKUs', body: CreateProductBody, response: { 200: ProductView } } },
    async (req) => createProduct(await staffCtx(deps.ctx, req, WRITERS), req.body),
  );

  app.get(
    '/api/console/products/:id',
    { schema: { tags, summary: '商品详情 One product', params: ProductParams, response: { 200: ProductView } } },
    async (req) => {
      const product = await getProduct(await staffCtx(deps.ctx, req), req.params.id);
      if (!product) throw new AppError('PRODUCT_NOT_FOUND', { productId: req.params.id });
      return product;
    },
  );

  app.patch(
    '/api/console/products/:id',
    {
      schema: {
        tags,
        summary: '修改商品 Change a product, add or change SKUs',
        params: ProductParams,
        body: UpdateProductBody,
        response: { 200: ProductView },
      },
    },
    async (req) => updateProduct(await staffCtx(deps.ctx, req, WRITERS), req.params.id, req.body),
  );

  app.get(
    '/api/shop/:slug/products',
    {
      schema: {
        tags: ['shop'],
        summary: '门店在售商品 Products on sale, with available stock',
        params: z.object({ slug: z.string().min(1).max(64) }),
        response: { 200: z.array(ShopProduct) },
      },
    },
    async (req) => listShopProducts(await shopCtx(deps.ctx, req, req.params.slug, { required: false }), opts.stockLevels),
  );

  registerReferenceRoutes(app, deps);
  registerMediaRoutes(app, deps, opts.mediaDir);
}
