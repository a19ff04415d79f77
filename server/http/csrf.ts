import type { FastifyInstance } from 'fastify';
import { AppError } from '../kernel/errors.js';

export const CSRF_HEADER = 'x-linli-csrf';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** false for server-to-server callbacks (payment notifications) that carry their own signature */
    csrf?: boolean;
  }
}

/**
 * Session cookies are SameSite=Lax, and every state-changing API call must carry a custom header.
 * A cross-site form or fetch cannot set it without a CORS preflight, which Linli never grants.
 */
export function installCsrfGuard(app: FastifyInstance): void {
  app.addHook('onRequest', async (req) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return;
    if (!req.url.startsWith('/api/')) return;
    if (req.routeOptions.config?.csrf === false) return;
    if (!req.headers[CSRF_HEADER]) throw new AppError('CSRF_HEADER_MISSING', { header: CSRF_HEADER });
  });
}
