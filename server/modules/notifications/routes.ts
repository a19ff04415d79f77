import type { AppDeps } from '../../app.js';
import { staffCtx } from '../../http/context.js';
import type { App } from '../../http/types.js';
import { OutboxPage, OutboxQuery } from './contract.js';
import { listOutbox } from './notification.repo.js';
import { redactOtp } from './templates.js';

/**
 * The store's message outbox for the owner and managers. With the development adapter it shows
 * login codes (that is how a store without SMS lets neighbours in); otherwise they are hidden,
 * so no staff member can log in as a neighbour.
 */
export function registerNotificationRoutes(app: App, deps: AppDeps, opts: { revealOtpCodes: boolean }): void {
  app.get(
    '/api/console/outbox',
    { schema: { tags: ['notifications'], summary: '消息发件箱 Message outbox', querystring: OutboxQuery, response: { 200: OutboxPage } } },
    async (req) => {
      const page = await listOutbox(await staffCtx(deps.ctx, req, ['owner', 'manager']), req.query);
      if (opts.revealOtpCodes) return page;
      return { ...page, items: page.items.map((m) => (m.template === 'otp' ? { ...m, body: redactOtp(m.body) } : m)) };
    },
  );
}
