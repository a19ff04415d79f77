import { z } from 'zod';
import type { AppDeps } from '../../app.js';
import { staffCtx } from '../../http/context.js';
import type { App } from '../../http/types.js';
import { AppError } from '../../kernel/errors.js';
import {
  NotifyAck,
  RefundIdParams,
  RefundListQuery,
  RefundView,
  SANDBOX_SIGNATURE_HEADER,
  SandboxConfirmBody,
  SandboxConfirmResult,
  SandboxSettings,
} from './contract.js';
import type { Payments } from './payments.js';
import { SANDBOX_NOTIFY_PATH } from './sandbox-wallet.js';

const tags = ['payments'];

export async function registerPaymentsRoutes(app: App, deps: AppDeps, payments: Payments): Promise<void> {
  app.post(
    '/api/payments/sandbox/confirm',
    // no session: the one-time confirm token (192 random bits) is the credential
    { schema: { tags, summary: '沙箱钱包确认支付 Sandbox wallet: pay', body: SandboxConfirmBody, response: { 200: SandboxConfirmResult } } },
    async (req) => payments.wallet.confirm(req.body.paymentId, req.body.confirmToken),
  );

  // the signature covers the exact bytes, so this route keeps the body as a string
  await app.register(async (scope: App) => {
    scope.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) => done(null, body));
    scope.post(
      SANDBOX_NOTIFY_PATH,
      {
        schema: {
          tags,
          summary: '沙箱支付结果通知（服务器间，签名） Sandbox payment notification (server to server, signed)',
          body: z.string(),
          headers: z.object({ [SANDBOX_SIGNATURE_HEADER]: z.string().optional() }),
          response: { 200: NotifyAck },
        },
        config: { csrf: false },
      },
      async (req) => {
        await payments.handleSandboxNotification(req.body, req.headers[SANDBOX_SIGNATURE_HEADER]);
        return { code: 'SUCCESS' as const };
      },
    );
  });

  app.get(
    '/api/console/refunds',
    { schema: { tags, summary: '退款列表（重试队列） Refunds (the retry queue)', querystring: RefundListQuery, response: { 200: z.array(RefundView) } } },
    async (req) => payments.listRefunds(await staffCtx(deps.ctx, req, ['owner', 'manager']), { status: req.query.status }),
  );

  app.post(
    '/api/console/refunds/:id/retry',
    { schema: { tags, summary: '立即重试退款 Retry a refund now', params: RefundIdParams, response: { 200: RefundView } } },
    async (req) => payments.retryRefund(await staffCtx(deps.ctx, req, ['owner', 'manager']), req.params.id),
  );

  const sandboxControls = async (req: Parameters<typeof staffCtx>[1]) => {
    const ctx = await staffCtx(deps.ctx, req, ['owner']);
    if (deps.config.NODE_ENV === 'production') throw new AppError('FORBIDDEN', { reason: 'sandbox controls are off in production' });
    return ctx;
  };
  app.get(
    '/api/console/payments/sandbox/settings',
    { schema: { tags, summary: '沙箱支付设置 Sandbox payment settings', response: { 200: SandboxSettings } } },
    async (req) => {
      const ctx = await sandboxControls(req);
      return { failRefunds: payments.sandbox.refundsFail(ctx.storeId) };
    },
  );
  app.post(
    '/api/console/payments/sandbox/settings',
    { schema: { tags, summary: '设置沙箱支付（演示退款失败） Sandbox settings (make refunds fail)', body: SandboxSettings, response: { 200: SandboxSettings } } },
    async (req) => {
      const ctx = await sandboxControls(req);
      payments.sandbox.setFailRefunds(ctx.storeId, req.body.failRefunds);
      return { failRefunds: payments.sandbox.refundsFail(ctx.storeId) };
    },
  );

  app.addHook('onClose', async () => payments.stop());
}
