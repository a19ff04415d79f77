import { inTx } from '../../../db/tx.js';
import { requestHash } from '../../../idempotency/idempotent.js';
import type { Ctx } from '../../../kernel/ctx.js';
import { AppError } from '../../../kernel/errors.js';
import type { OrderView } from '../../orders/index.js';
import type { FlashOrderBody } from '../contract.js';
import { BatchQueue, type Pending } from './queue.js';
import { sellFlashBatch, type FlashOrderRequest } from './use-cases/sell-flash-batch.js';

type Req = FlashOrderRequest & { ctx: Ctx };

/**
 * The flash-sale engine (秒杀): orders of one flash sale queue in this process and are sold in
 * batches, one transaction per batch; each buyer is answered only after their batch committed.
 * The database stays the source of truth (the sale row lock and a conditional UPDATE), so several
 * processes, each with its own queue, sell the same sale correctly.
 */
export class FlashSaleEngine {
  private readonly queue: BatchQueue<Req, OrderView>;
  /** same Idempotency-Key already waiting here: the same answer */
  private readonly inflight = new Map<string, { hash: string; promise: Promise<OrderView> }>();

  constructor(opts: { maxBatch?: number } = {}) {
    this.queue = new BatchQueue((_key, batch) => this.runBatch(batch), opts.maxBatch ?? 500);
  }

  async order(ctx: Ctx, customerId: string, flashSaleId: string, body: FlashOrderBody, key: string | undefined): Promise<OrderView> {
    const req = this.request(ctx, customerId, flashSaleId, body, key);
    const id = `${ctx.storeId}:${req.key}`;
    const same = this.inflight.get(id);
    if (same) {
      if (same.hash !== req.hash) throw new AppError('IDEMPOTENCY_KEY_REUSED', { key: req.key });
      return same.promise;
    }
    const promise = this.queue.push(`${ctx.storeId}:${flashSaleId}`, req).finally(() => this.inflight.delete(id));
    this.inflight.set(id, { hash: req.hash, promise });
    return promise;
  }

  /** The naive path (benchmark baseline): the same rules, one transaction per request, orders written one by one. */
  async orderUnbatched(ctx: Ctx, customerId: string, flashSaleId: string, body: FlashOrderBody, key: string | undefined): Promise<OrderView> {
    const req = this.request(ctx, customerId, flashSaleId, body, key);
    const [o] = await inTx(ctx, (tx) => sellFlashBatch(tx, flashSaleId, [req], { setBased: false }));
    return settle(o!);
  }

  private request(ctx: Ctx, customerId: string, flashSaleId: string, body: FlashOrderBody, key: string | undefined): Req {
    if (!key || key.length < 8 || key.length > 200) throw new AppError('IDEMPOTENCY_KEY_REQUIRED');
    // keys are per neighbour: two neighbours' clients may well pick the same one
    return { ctx, customerId, flashSaleId, body, key: `${customerId}:${key}`, hash: requestHash({ flashSaleId, ...body }) };
  }

  private async runBatch(batch: Array<Pending<Req, OrderView>>): Promise<void> {
    const first = batch[0]!.req;
    let outcomes;
    try {
      outcomes = await inTx(first.ctx, (tx) => sellFlashBatch(tx, first.flashSaleId, batch.map((p) => p.req)));
    } catch (err) {
      if (batch.length === 1) throw err;
      // something unexpected failed the batch: each request alone, so one cannot fail the others
      for (const p of batch) {
        try {
          await this.runBatch([p]);
        } catch (e) {
          p.reject(e);
        }
      }
      return;
    }
    const again: typeof batch = [];
    outcomes.forEach((o, i) => {
      const p = batch[i]!;
      if ('requeue' in o) again.push(p);
      else if ('error' in o) p.reject(o.error);
      else p.resolve(o.order);
    });
    this.queue.requeue(`${first.ctx.storeId}:${first.flashSaleId}`, again);
  }
}

function settle(o: Awaited<ReturnType<typeof sellFlashBatch>>[number]): OrderView {
  if ('error' in o) throw o.error;
  if ('order' in o) return o.order;
  throw new Error('a single request is never put back');
}
