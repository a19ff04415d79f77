import multipart from '@fastify/multipart';
import { z } from 'zod';
import type { AppDeps } from '../../app.js';
import { shopCtx, staffCtx } from '../../http/context.js';
import { MAX_IMAGE_BYTES, readUploadedImage, sendImage } from '../../http/images.js';
import type { App } from '../../http/types.js';
import { IDEMPOTENCY_HEADER, idempotent } from '../../idempotency/idempotent.js';
import { AppError } from '../../kernel/errors.js';
import type { PaymentsPort } from '../orders/index.js';
import { ApproveTicketBody, ConsoleTicketQuery, OpenTicketBody, RejectTicketBody, StaffTicketView, TicketView } from './contract.js';
import { findTicket, findTickets, presentForShop, presentForStaff } from './ticket.repo.js';
import { attachPhoto } from './use-cases/attach-photo.js';
import { approveTicket, rejectTicket } from './use-cases/decide-ticket.js';
import { openTicket } from './use-cases/open-ticket.js';

const Slug = z.string().min(1).max(64);
const IdParam = z.object({ id: z.uuid() });
const DECIDERS = ['owner', 'manager'] as const;
const idem = 'Retried with the same Idempotency-Key header, answers the same.';
const key = (h: Record<string, string | string[] | undefined>) => {
  const v = h[IDEMPOTENCY_HEADER];
  return Array.isArray(v) ? v[0] : v;
};

export interface AftersalesOptions {
  payments: PaymentsPort;
  /** DATA_DIR/media/after-sales: private photos, served only by the routes below */
  photoDir: string;
}

/** After-sales (售后): the neighbour's tickets in the shop, the store's decisions in the console. */
export function registerAftersalesRoutes(app: App, deps: AppDeps, o: AftersalesOptions): void {
  const shop = (req: Parameters<typeof shopCtx>[1], slug: string) => shopCtx(deps.ctx, req, slug);

  app.post(
    '/api/shop/:slug/orders/:orderId/after-sales',
    { schema: { tags: ['shop'], summary: '申请售后 Open an after-sales ticket on my order', description: idem, params: z.object({ slug: Slug, orderId: z.uuid() }), body: OpenTicketBody, response: { 200: TicketView } } },
    async (req) => {
      const ctx = await shop(req, req.params.slug);
      // the key keeps the ticket's id (stored as JSON); the answer is the ticket as it is now
      const { id } = await idempotent(ctx, `aftersales.open:${ctx.customerId}`, key(req.headers), { orderId: req.params.orderId, ...req.body }, async (tx) => ({
        id: (await openTicket(tx, req.params.orderId, req.body)).id,
      }));
      return presentForShop(ctx, await findTicket(ctx, id), req.params.slug);
    },
  );
  app.get(
    '/api/shop/:slug/after-sales',
    { schema: { tags: ['shop'], summary: '我的售后 My after-sales tickets', params: z.object({ slug: Slug }), response: { 200: z.array(TicketView) } } },
    async (req) => {
      const ctx = await shop(req, req.params.slug);
      return Promise.all((await findTickets(ctx, {})).map((t) => presentForShop(ctx, t, req.params.slug)));
    },
  );
  app.get(
    '/api/shop/:slug/after-sales/:id/photo',
    { schema: { tags: ['shop'], summary: '售后照片 The photo of my ticket', params: IdParam.extend({ slug: Slug }) } },
    async (req, reply) => {
      const t = await findTicket(await shop(req, req.params.slug), req.params.id);
      if (!t.photo) throw new AppError('NOT_FOUND', { ticketId: t.id });
      return sendImage(reply, o.photoDir, t.photo, 'private, max-age=3600');
    },
  );

  app.get(
    '/api/console/after-sales',
    { schema: { tags: ['aftersales'], summary: '售后列表 After-sales tickets', querystring: ConsoleTicketQuery, response: { 200: z.array(StaffTicketView) } } },
    async (req) => {
      const ctx = await staffCtx(deps.ctx, req);
      return presentForStaff(ctx, await findTickets(ctx, { status: req.query.status }));
    },
  );
  app.get(
    '/api/console/after-sales/:id',
    { schema: { tags: ['aftersales'], summary: '售后详情 After-sales ticket', params: IdParam, response: { 200: StaffTicketView } } },
    async (req) => {
      const ctx = await staffCtx(deps.ctx, req);
      return (await presentForStaff(ctx, [await findTicket(ctx, req.params.id)]))[0]!;
    },
  );
  app.get(
    '/api/console/after-sales/:id/photo',
    { schema: { tags: ['aftersales'], summary: '售后照片 The photo of a ticket', params: IdParam } },
    async (req, reply) => {
      const t = await findTicket(await staffCtx(deps.ctx, req), req.params.id);
      if (!t.photo) throw new AppError('NOT_FOUND', { ticketId: t.id });
      return sendImage(reply, o.photoDir, t.photo, 'private, max-age=3600');
    },
  );
  app.post(
    '/api/console/after-sales/:id/approve',
    {
      schema: {
        tags: ['aftersales'],
        summary: '同意售后并退款 Approve and refund (part or all). Owner or manager.',
        description: idem,
        params: IdParam,
        body: ApproveTicketBody,
        response: { 200: StaffTicketView },
      },
    },
    async (req) => {
      const ctx = await staffCtx(deps.ctx, req, [...DECIDERS]);
      const { id } = await idempotent(ctx, 'aftersales.approve', key(req.headers), { id: req.params.id, ...req.body }, async (tx) => ({
        id: (await approveTicket(tx, req.params.id, req.body, o.payments)).id,
      }));
      return (await presentForStaff(ctx, [await findTicket(ctx, id)]))[0]!;
    },
  );
  app.post(
    '/api/console/after-sales/:id/reject',
    { schema: { tags: ['aftersales'], summary: '驳回售后 Reject. Owner or manager.', params: IdParam, body: RejectTicketBody, response: { 200: StaffTicketView } } },
    async (req) => {
      const ctx = await staffCtx(deps.ctx, req, [...DECIDERS]);
      return (await presentForStaff(ctx, [await rejectTicket(ctx, req.params.id, req.body)]))[0]!;
    },
  );

  // multipart parsing only in this scope (one image, no other fields)
  void app.register(async (scope: App) => {
    await scope.register(multipart, { limits: { fileSize: MAX_IMAGE_BYTES, files: 1, fields: 0, parts: 1 } });
    scope.post(
      '/api/shop/:slug/after-sales/:id/photo',
      {
        schema: {
          tags: ['shop'],
          summary: '上传售后照片 Add the photo (JPG/PNG/WebP ≤ 5 MB, multipart field "file")',
          consumes: ['multipart/form-data'],
          params: IdParam.extend({ slug: Slug }),
          response: { 200: TicketView },
        },
      },
      async (req) => {
        const ctx = await shop(req, req.params.slug);
        const t = await attachPhoto(ctx, o.photoDir, req.params.id, await readUploadedImage(req));
        return presentForShop(ctx, t, req.params.slug);
      },
    );
  });
}
