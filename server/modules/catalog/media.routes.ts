import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import multipart from '@fastify/multipart';
import { z } from 'zod';
import type { AppDeps } from '../../app.js';
import { staffCtx } from '../../http/context.js';
import type { App } from '../../http/types.js';
import { AppError } from '../../kernel/errors.js';
import { ProductView } from './contract.js';
import { CONTENT_TYPES, isMediaFileName, kindOf, MAX_IMAGE_BYTES } from './media.js';
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
        let bytes: Buffer;
        try {
          const part = await req.file();
          if (!part) throw new AppError('IMAGE_INVALID', { reason: 'no file' });
          bytes = await part.toBuffer();
        } catch (e) {
          if (e instanceof AppError) throw e;
          // too large, not multipart, or a broken upload: the client sees one stable code
          throw new AppError('IMAGE_INVALID', { reason: (e as { code?: string }).code ?? 'upload failed' });
        }
        return addProductImage(ctx, mediaDir, req.params.id, bytes);
      },
    );
  });

  app.get(
    '/api/media/:file',
    { schema: { tags: ['catalog'], summary: '商品图片 A product image', params: z.object({ file: z.string() }) } },
    async (req, reply) => {
      const { file } = req.params;
      // only names Linli made are served, so '..' or '/' can never reach the file system
      if (!isMediaFileName(file)) throw new AppError('NOT_FOUND', { file });
      const path = join(mediaDir, file);
      const found = await stat(path).catch(() => null);
      if (!found?.isFile()) throw new AppError('NOT_FOUND', { file });
      return reply
        .type(CONTENT_TYPES[kindOf(file)])
        .header('content-length', found.size)
        .header('cache-control', 'public, max-age=31536000, immutable')
        .header('x-content-type-options', 'nosniff')
        .send(createReadStream(path));
    },
  );
}
