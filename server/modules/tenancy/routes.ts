import { z } from 'zod';
import type { AppDeps } from '../../app.js';
import { STAFF_COOKIE, setSessionCookie, staffCtx } from '../../http/context.js';
import type { App } from '../../http/types.js';
import { AppError } from '../../kernel/errors.js';
import { CreateStaffBody, StaffLoginBody, StaffMe, StaffMember } from './contract.js';
import { revokeSession } from './session.repo.js';
import { staffOfStore, storesOfStaff } from './tenancy.repo.js';
import { addStaff } from './use-cases/add-staff.js';
import { loginStaff } from './use-cases/login-staff.js';

const tags = ['auth'];

export function registerTenancyRoutes(app: App, deps: AppDeps): void {
  app.post(
    '/api/auth/staff/login',
    {
      schema: { tags, summary: '店员登录 Staff login', body: StaffLoginBody, response: { 200: z.object({ ok: z.literal(true) }) } },
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const s = await loginStaff(deps.ctx.db, deps.clock, req.body);
      setSessionCookie(deps.ctx, reply, STAFF_COOKIE, s.token, s.expiresAt);
      return { ok: true as const };
    },
  );

  app.post('/api/auth/staff/logout', { schema: { tags, summary: '退出登录 Staff logout' } }, async (req, reply) => {
    const token = req.cookies[STAFF_COOKIE];
    if (token) await revokeSession(deps.ctx.db, token, deps.clock.now());
    reply.clearCookie(STAFF_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.get('/api/auth/staff/me', { schema: { tags, summary: '当前店员 Current staff', response: { 200: StaffMe } } }, async (req) => {
    const ctx = await staffCtx(deps.ctx, req);
    if (ctx.actor.kind !== 'staff') throw new AppError('UNAUTHENTICATED');
    const stores = await storesOfStaff(ctx.db, ctx.actor.staffId);
    const current = stores.find((s) => s.id === ctx.storeId)!;
    return {
      kind: 'staff' as const,
      staffId: ctx.actor.staffId,
      name: ctx.actor.name,
      role: ctx.actor.role,
      orgId: ctx.orgId,
      store: { id: current.id, slug: current.slug, name: current.name },
      stores: stores.map((s) => ({ id: s.id, slug: s.slug, name: s.name, role: s.role })),
    };
  });

  app.get('/api/console/staff', { schema: { tags, summary: '店员列表 Staff of the store', response: { 200: z.array(StaffMember) } } }, async (req) => {
    const ctx = await staffCtx(deps.ctx, req, ['owner', 'manager']);
    return staffOfStore(ctx.db, ctx.storeId);
  });

  app.post(
    '/api/console/staff',
    { schema: { tags, summary: '添加店员 Add staff', body: CreateStaffBody, response: { 200: z.object({ id: z.uuid() }) } } },
    async (req) => addStaff(await staffCtx(deps.ctx, req, ['owner', 'manager']), req.body),
  );
}
