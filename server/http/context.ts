import { performance } from 'node:perf_hooks';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { eq } from 'drizzle-orm';
import type { Clock } from '../kernel/clock.js';
import type { Actor, Ctx, Db, StaffRole } from '../kernel/ctx.js';
import { AppError } from '../kernel/errors.js';
import { resolveSession, type SessionInfo } from '../modules/tenancy/session.repo.js';
import { stores } from '../modules/tenancy/tables.js';
import { requestLang } from './lang.js';

export const STAFF_COOKIE = 'linli_staff';
export const SHOP_COOKIE = 'linli_shop';

/** What every request context is built from; given once by the composition root. */
export interface CtxDeps {
  db: Db;
  clock: Clock;
  outboxWake(): void;
  secureCookies: boolean;
}

function baseCtx(deps: CtxDeps, req: FastifyRequest, s: { orgId: string; storeId: string; actor: Actor }): Ctx {
  return {
    ...s,
    db: deps.db,
    inTx: false,
    clock: deps.clock,
    lang: requestLang(req),
    afterCommit: (fn) => fn(),
    outboxWake: deps.outboxWake,
  };
}

async function sessionFrom(deps: CtxDeps, req: FastifyRequest, cookie: string): Promise<SessionInfo | null> {
  const token = req.cookies[cookie];
  if (!token) return null;
  return resolveSession(deps.db, token, deps.clock.now());
}

/** A staff member of the session's store, with one of `roles` (any role when omitted). */
export async function staffCtx(deps: CtxDeps, req: FastifyRequest, roles?: StaffRole[]): Promise<Ctx> {
  const s = await sessionFrom(deps, req, STAFF_COOKIE);
  if (!s || s.actor.kind !== 'staff') throw new AppError('UNAUTHENTICATED');
  if (roles && !roles.includes(s.actor.role)) throw new AppError('FORBIDDEN', { need: roles });
  return baseCtx(deps, req, s);
}

export interface StoreRef {
  id: string;
  orgId: string;
  slug: string;
  name: string;
}

export async function storeBySlug(db: Db, slug: string): Promise<StoreRef> {
  const [s] = await db
    .select({ id: stores.id, orgId: stores.orgId, slug: stores.slug, name: stores.name })
    .from(stores)
    .where(eq(stores.slug, slug))
    .limit(1);
  if (!s) throw new AppError('STORE_NOT_FOUND', { slug });
  return s;
}

/** Stores by slug, for a second (slugs never change; a burst of shop requests reads the row once). */
const STORE_MEMO_MS = 1000;
const storeMemo = new WeakMap<Db, Map<string, { ref: StoreRef; until: number }>>();

async function storeBySlugMemo(db: Db, slug: string): Promise<StoreRef> {
  let m = storeMemo.get(db);
  if (!m) storeMemo.set(db, (m = new Map()));
  const hit = m.get(slug);
  if (hit && hit.until > performance.now()) return hit.ref;
  const ref = await storeBySlug(db, slug);
  if (m.size >= 10_000) m.clear();
  m.set(slug, { ref, until: performance.now() + STORE_MEMO_MS });
  return ref;
}

/**
 * A neighbour's context in the store named by the URL. The session must belong to the store's
 * organisation (one identity per organisation); anonymous when `required` is false.
 */
export async function shopCtx(
  deps: CtxDeps,
  req: FastifyRequest,
  slug: string,
  opts: { required: boolean } = { required: true },
): Promise<Ctx & { customerId: string | null }> {
  const store = await storeBySlugMemo(deps.db, slug);
  const s = await sessionFrom(deps, req, SHOP_COOKIE);
  const customerId = s && s.actor.kind === 'customer' && s.orgId === store.orgId ? s.actor.customerId : null;
  if (!customerId && opts.required) throw new AppError('UNAUTHENTICATED');
  const actor: Actor = customerId ? { kind: 'customer', customerId } : { kind: 'system', job: 'anonymous' };
  return { ...baseCtx(deps, req, { orgId: store.orgId, storeId: store.id, actor }), customerId };
}

export function setSessionCookie(
  deps: CtxDeps,
  reply: FastifyReply,
  name: string,
  token: string,
  expiresAt: Date,
): void {
  reply.setCookie(name, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.secureCookies,
    expires: expiresAt,
  });
}
