import multipart from '@fastify/multipart';
import { z } from 'zod';
import type { AppDeps } from '../../app.js';
import { staffCtx } from '../../http/context.js';
import { readUploadedImage, sendImage } from '../../http/images.js';
import type { App } from '../../http/types.js';
import { ProductView } from './contract.js';
import { MAX_IMAGE_BYTES } from './media.js';
import { addProductImage } from './use-cases/add-product-image.js';

/** Upload of product images (multipart, one file) and serving them back. */
export function registerMediaRoutes(app: App, deps: AppDeps, mediaDir: string): void {
  // multipart parsing only in this scope: no other route accepts file uploads by accident
  void app.register(async (scope: App) => {
    await scope.register(multipart, { limits: { fileSize: MAX_IMAGE_BYTES, files: 1, fields: 0, parts: 1 } });
    scope.post(
      '/api/console/products/:id/images',
      {
        schema: {
          tags: ['catalog'],
          summary: '上传商品图片 Upload one image (JPG/PNG/WebP ≤ 5 MB, multipart field "file")',
          consumes: ['multipart/form-data'],
          params: z.object({ id: z.uuid() }),
          response: { 200: ProductView },
        },
      },
      async (req) => {
        const ctx = await staffCtx(deps.ctx, req, ['owner', 'manager']);
        return addProductImage(ctx, mediaDir, req.params.id, await readUploadedImage(req));
      },
    );
  });

  app.get(
    '/api/media/:file',
    { schema: { tags: ['catalog'], summary: '商品图片 A product image', params: z.object({ file: z.string() }) } },
    // only names Linli made are served, so '..' or '/' can never reach the file system
    async (req, reply) => sendImage(reply, mediaDir, req.params.file, 'public, max-age=31536000, immutable'),
  );
}
