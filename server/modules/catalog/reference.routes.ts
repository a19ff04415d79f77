import { z } from 'zod';
import type { AppDeps } from '../../app.js';
import { staffCtx } from '../../http/context.js';
import type { App } from '../../http/types.js';
import { CategoryView, CreateCategoryBody, CreateSupplierBody, SupplierView, UpdateSupplierBody } from './contract.js';
import { listCategories, listSuppliers } from './reference.repo.js';
import { createCategory } from './use-cases/create-category.js';
import { createSupplier } from './use-cases/create-supplier.js';
import { updateSupplier } from './use-cases/update-supplier.js';

const tags = ['catalog'];
const WRITERS: ['owner', 'manager'] = ['owner', 'manager'];

/** Categories and suppliers: owner and managers write, every staff member reads. */
export function registerReferenceRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/console/categories',
    { schema: { tags, summary: '分类列表 Categories', response: { 200: z.array(CategoryView) } } },
    async (req) => listCategories(await staffCtx(deps.ctx, req)),
  );

  app.post(
    '/api/console/categories',
    { schema: { tags, summary: '新建分类 Create a category', body: CreateCategoryBody, response: { 200: CategoryView } } },
    async (req) => createCategory(await staffCtx(deps.ctx, req, WRITERS), req.body),
  );

  app.get(
    '/api/console/suppliers',
    { schema: { tags, summary: '供应商列表 Suppliers', response: { 200: z.array(SupplierView) } } },
    async (req) => listSuppliers(await staffCtx(deps.ctx, req)),
  );

  app.post(
    '/api/console/suppliers',
    { schema: { tags, summary: '新建供应商 Create a supplier', body: CreateSupplierBody, response: { 200: SupplierView } } },
    async (req) => createSupplier(await staffCtx(deps.ctx, req, WRITERS), req.body),
  );

  app.patch(
    '/api/console/suppliers/:id',
    {
      schema: {
        tags,
        summary: '修改供应商 Change a supplier',
        params: z.object({ id: z.uuid() }),
        body: UpdateSupplierBody,
        response: { 200: SupplierView },
      },
    },
    async (req) => updateSupplier(await staffCtx(deps.ctx, req, WRITERS), req.params.id, req.body),
  );
}
