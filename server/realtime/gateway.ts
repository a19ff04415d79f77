import websocket from '@fastify/websocket';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { shopCtx, staffCtx, type CtxDeps } from '../http/context.js';
import { requestLang } from '../http/lang.js';
import { AppError, isAppError } from '../kernel/errors.js';
import { Connection, type SubscriberIdentity } from './connection.js';
import { WS_PATH } from './contract.js';
import type { Realtime } from './realtime.js';

export interface GatewayOptions {
  ctx: CtxDeps;
  /** PUBLIC_URL: its origin may open sockets besides the request's own host */
  publicUrl?: string;
  /** ms between pings; a socket that did not answer the previous one is dropped */
  heartbeatMs?: number;
}

/**
 * Browsers send cookies with a cross-site WebSocket handshake unless SameSite stops them, and
 * the handshake is not subject to CORS: only our own pages may open a socket with them.
 * Non-browser clients send no Origin.
 */
function originAllowed(req: FastifyRequest, publicUrl?: string): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    const u = new URL(origin);
    if (u.host === req.headers.host) return true;
    return publicUrl !== undefined && u.origin === new URL(publicUrl).origin;
  } catch {
    return false;
  }
}

function identity(deps: CtxDeps, req: FastifyRequest): SubscriberIdentity {
  let staff: ReturnType<SubscriberIdentity['staff']> | undefined;
  const shops = new Map<string, ReturnType<SubscriberIdentity['shop']>>();
  const orNull = <T>(p: Promise<T>) =>
    p.catch((e) => {
      if (isAppError(e)) return null;
      throw e;
    });
  return {
    req,
    staff: () => (staff ??= orNull(staffCtx(deps, req))),
    shop: (slug) => {
      let p = shops.get(slug);
      if (!p) shops.set(slug, (p = orNull(shopCtx(deps, req, slug, { required: false }))));
      return p;
    },
  };
}

/** GET /ws: the one WebSocket endpoint. Registers @fastify/websocket on `app`. */
export async function registerRealtimeGateway(app: FastifyInstance, rt: Realtime, opts: GatewayOptions): Promise<void> {
  // the hard cap closes the socket (1009); frames above limits.maxFrameBytes get an error frame
  await app.register(websocket, { options: { maxPayload: 64 * 1024, perMessageDeflate: false } });
  const env = rt.connectionEnv();
  const live = new Set<Connection>();

  app.get(
    WS_PATH,
    {
      websocket: true,
      onRequest: async (req) => {
        if (!originAllowed(req, opts.publicUrl)) throw new AppError('FORBIDDEN', { origin: req.headers.origin });
      },
    },
    (socket, req) => {
      const conn = new Connection(socket, identity(opts.ctx, req), requestLang(req), env);
      live.add(conn);
      socket.on('close', () => live.delete(conn));
    },
  );

  const heartbeat = setInterval(() => {
    for (const c of live) {
      if (!c.alive) {
        c.socket.terminate();
        continue;
      }
      c.alive = false;
      c.socket.ping();
    }
  }, opts.heartbeatMs ?? 30_000);
  heartbeat.unref();

  app.addHook('onClose', async () => {
    clearInterval(heartbeat);
    for (const c of live) c.dispose();
    await rt.close();
  });
}
