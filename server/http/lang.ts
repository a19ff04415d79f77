import type { FastifyRequest } from 'fastify';
import type { Lang } from '../kernel/errors.js';

/** zh-CN unless the client asks for English (cookie `lang`, then Accept-Language). */
export function requestLang(req: FastifyRequest): Lang {
  const cookie = req.cookies?.lang;
  if (cookie === 'en' || cookie === 'zh-CN') return cookie;
  const accept = req.headers['accept-language'] ?? '';
  return /^en\b/i.test(accept.trim()) ? 'en' : 'zh-CN';
}
