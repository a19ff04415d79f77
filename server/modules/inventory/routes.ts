import { z } from 'zod';
import type { AppDeps } from '../../app.js';
import { staffCtx } from '../../http/context.js';
import type { App } from '../../http/types.js';
import { IDEMPOTENCY_HEADER, idempotent } from '../../idempotency/idempotent.js';
import { AdjustBody, LossBody, MovementQuery, MovementView, ReceiveBody, StockChange, StockRow } from './contract.js';
import { listMovements } from './ledger.repo.js';
import { assertSkuOfStore } from './sku-check.js';
import { listStock } from './stock.repo.js';
import { adjustStock } from './use-cases/adjust-stock.js';
import { receiveStock } from './use-cases/receive-stock.js';
import { recordLoss } from './use-cases/record-loss.js';

const tags = ['inventory'];
const WRITERS: ['owner', 'manager'] = ['owner', 'manager'];
const retryable = 'Send an Idempotency-Key header (8–200 chars); a retry with the same key and body returns the first result.';

export function registerInventoryRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/console/stock',
    { schema: { tags, summary: '库存 Stock of every SKU', response: { 200: z.array(StockRow) } } },
    async (req) => listStock(await staffCtx(deps.ctx, req)),
  );

  app.post(
    '/api/console/stock/receive',
    { schema: { tags, summary: '收货入库 Receive goods', description: retryable, body: ReceiveBody, response: { 200: StockChange } } },
    async (req) => {
      const ctx = await staffCtx(deps.ctx, req, WRITERS);
      return idempotent(ctx, 'inventory.receive', req.headers[IDEMPOTENCY_HEADER] as string | undefined, req.body, (tx) =>
        receiveStock(tx, req.body),
      );
    },
  );

  app.post(
    '/api/console/stock/adjust',
    { schema: { tags, summary: '盘点 Set on-hand to a counted quantity', description: retryable, body: AdjustBody, response: { 200: StockChange } } },
    async (req) => {
      const ctx = await staffCtx(deps.ctx, req, WRITERS);
      return idempotent(ctx, 'inventory.adjust', req.headers[IDEMPOTENCY_HEADER] as string | undefined, req.body, (tx) =>
        adjustStock(tx, req.body),
      );
    },
  );

  app.post(
    '/api/console/stock/loss',
    { schema: { tags, summary: '报损 Write off spoiled or broken goods', description: retryable, body: LossBody, response: { 200: StockChange } } },
    async (req) => {
      const ctx = await staffCtx(deps.ctx, req, WRITERS);
      return idempotent(ctx, 'inventory.loss', req.headers[IDEMPOTENCY_HEADER] as string | undefined, req.body, (tx) =>
        recordLoss(tx, req.body),
      );
    },
  );

  app.get(
    '/api/console/stock/:skuId/movements',
    {
      schema: {
        tags,
        summary: '库存流水 Movements of one SKU, newest first',
        params: z.object({ skuId: z.uuid() }),
        querystring: MovementQuery,
        response: { 200: z.array(MovementView) },
      },
    },
    async (req) => {
      const ctx = await staffCtx(deps.ctx, req);
      await assertSkuOfStore(ctx, req.params.skuId);
      return listMovements(ctx, req.params.skuId, req.query);
    },
  );
}
