import type { FastifyReply, FastifyRequest } from 'fastify';

/** PUBLIC_URL when set (what neighbours use), else the origin the request came in on. */
export function originOf(publicUrl: string | undefined, req: FastifyRequest): string {
  return (publicUrl ?? `${req.protocol}://${req.host}`).replace(/\/+$/, '');
}

export function sendPng(reply: FastifyReply, png: Buffer, cache: string) {
  return reply.type('image/png').header('content-length', png.length).header('cache-control', cache).header('x-content-type-options', 'nosniff').send(png);
}

/** Logs the first warning only (a missing font is said once per process, not per poster). */
export function warnOnce(log: (msg: string) => void): (msg: string) => void {
  let warned = false;
  return (msg) => {
    if (!warned) log(msg);
    warned = true;
  };
}
