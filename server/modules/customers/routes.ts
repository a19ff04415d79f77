import { z } from 'zod';
import type { AppDeps } from '../../app.js';
import { SHOP_COOKIE, setSessionCookie, shopCtx, staffCtx, storeBySlug } from '../../http/context.js';
import type { App } from '../../http/types.js';
import type { Ctx } from '../../kernel/ctx.js';
import { AppError } from '../../kernel/errors.js';
import { storeById } from '../tenancy/index.js';
import { revokeSession } from '../tenancy/index.js';
import {
  CustomerListQuery,
  CustomerLoginBody,
  CustomerMe,
  CustomerPage,
  OTP_RESEND_SECONDS,
  OTP_TTL_SECONDS,
  OtpRequestBody,
  OtpRequested,
  ShopStoreInfo,
} from './contract.js';
import { registerCreditRoutes } from './credit.routes.js';
import { customerById, listStoreCustomers } from './customer.repo.js';
import { loginCustomer } from './use-cases/login-customer.js';
import { requestOtp, type OtpSender } from './use-cases/request-otp.js';

const SlugParams = z.object({ slug: z.string().min(1).max(64) });
const Ok = z.object({ ok: z.literal(true) });
const tags = ['customers'];

export function registerCustomerRoutes(app: App, deps: AppDeps, ports: { sendOtp: OtpSender }): void {
  app.get(
    '/api/shop/:slug',
    { schema: { tags, summary: '门店信息 Public store info', params: SlugParams, response: { 200: ShopStoreInfo } } },
    async (req) => {
      const ref = await storeBySlug(deps.ctx.db, req.params.slug);
      const store = (await storeById(deps.ctx.db, ref.orgId, ref.id))!;
      return { slug: store.slug, name: store.name, address: store.address, phone: store.phone };
    },
  );

  app.post(
    '/api/shop/:slug/auth/otp',
    {
      schema: { tags, summary: '发送验证码 Send a login code', params: SlugParams, body: OtpRequestBody, response: { 200: OtpRequested } },
      // generous per IP: neighbours on one mobile carrier often share an address (CGNAT)
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (req) => {
      const ctx = await shopCtx(deps.ctx, req, req.params.slug, { required: false });
      await requestOtp(ctx, req.body.phone, ports.sendOtp);
      return { ok: true as const, expiresInSeconds: OTP_TTL_SECONDS, resendAfterSeconds: OTP_RESEND_SECONDS };
    },
  );

  app.post(
    '/api/shop/:slug/auth/login',
    {
      schema: { tags, summary: '验证码登录 Log in with the code', params: SlugParams, body: CustomerLoginBody, response: { 200: CustomerMe } },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const ctx = await shopCtx(deps.ctx, req, req.params.slug, { required: false });
      const s = await loginCustomer(ctx, req.body);
      setSessionCookie(deps.ctx, reply, SHOP_COOKIE, s.token, s.expiresAt);
      return present(deps, { ...ctx, customerId: s.customerId });
    },
  );

  app.post(
    '/api/shop/:slug/auth/logout',
    { schema: { tags, summary: '退出登录 Log out', params: SlugParams, response: { 200: Ok } } },
    async (req, reply) => {
      const token = req.cookies[SHOP_COOKIE];
      if (token) await revokeSession(deps.ctx.db, token, deps.clock.now());
      reply.clearCookie(SHOP_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/shop/:slug/auth/me',
    { schema: { tags, summary: '当前邻居 Current neighbour', params: SlugParams, response: { 200: CustomerMe } } },
    async (req) => {
      const ctx = await shopCtx(deps.ctx, req, req.params.slug);
      return present(deps, { ...ctx, customerId: ctx.customerId! });
    },
  );

  app.get(
    '/api/console/customers',
    { schema: { tags, summary: '邻居列表 Neighbours of the store', querystring: CustomerListQuery, response: { 200: CustomerPage } } },
    async (req) => listStoreCustomers(await staffCtx(deps.ctx, req), req.query),
  );
  registerCreditRoutes(app, deps);
}

async function present(deps: AppDeps, ctx: Ctx & { customerId: string }): Promise<CustomerMe> {
  const [customer, store] = await Promise.all([customerById(ctx, ctx.customerId), storeById(deps.ctx.db, ctx.orgId, ctx.storeId)]);
  if (!customer || !store) throw new AppError('UNAUTHENTICATED');
  return {
    kind: 'customer',
    customerId: customer.id,
    phone: customer.phone,
    name: customer.name,
    nickname: customer.nickname,
    store: { id: store.id, slug: store.slug, name: store.name },
  };
}
