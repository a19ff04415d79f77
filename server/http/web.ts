import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { App } from './types.js';

const SURFACES = ['console', 'counter', 'shop', 'live'];

/** Serves the built web app; every surface path falls back to index.html (client routing). */
export async function registerWeb(app: App, dist: string): Promise<void> {
  await app.register(fastifyStatic, { root: dist, prefix: '/', wildcard: false, index: false });
  const index = (_req: unknown, reply: { sendFile(f: string, root: string): unknown }) => reply.sendFile('index.html', dist);
  app.get('/', { schema: { hide: true } }, (_req, reply) => reply.redirect('/shop'));
  for (const s of SURFACES) {
    app.get(`/${s}`, { schema: { hide: true } }, index);
    app.get(`/${s}/*`, { schema: { hide: true } }, index);
  }
  app.get('/assets/*', { schema: { hide: true } }, (req, reply) => {
    const rel = (req.params as { '*': string })['*'];
    return reply.sendFile(join('assets', rel), dist, { maxAge: '365d', immutable: true });
  });
}
