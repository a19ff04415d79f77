import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App } from '../../../http/types.js';
import { AppError } from '../../../kernel/errors.js';

/**
 * GET /media/replays/<showId>.mp4: the show's recording (its first part), with byte ranges so a
 * phone can seek. `file(showId, req)` says where it is, null when the show has none, or throws
 * LIVE_ROOM_RESTRICTED when this visitor may not enter the room (the same check as the live room).
 */
export function registerReplayRoute(app: App, file: (showId: string, req: FastifyRequest) => Promise<string | null>): void {
  app.get(
    '/media/replays/:showId.mp4',
    { schema: { hide: true, params: z.object({ showId: z.uuid() }) } },
    async (req, reply) => {
      const path = await file(req.params.showId, req);
      const info = path ? await stat(path).catch(() => null) : null;
      if (!path || !info) throw new AppError('NOT_FOUND', { showId: req.params.showId });
      reply.header('content-type', 'video/mp4').header('accept-ranges', 'bytes').header('cache-control', 'private, max-age=3600');
      const m = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
      if (!m || (m[1] === '' && m[2] === '')) return reply.header('content-length', info.size).send(createReadStream(path));
      let start = m[1] === '' ? Math.max(0, info.size - Number(m[2])) : Number(m[1]);
      let end = m[1] !== '' && m[2] !== '' ? Number(m[2]) : info.size - 1;
      end = Math.min(end, info.size - 1);
      if (start > end || start >= info.size) return reply.code(416).header('content-range', `bytes */${info.size}`).send();
      start = Math.max(0, start);
      return reply
        .code(206)
        .header('content-range', `bytes ${start}-${end}/${info.size}`)
        .header('content-length', end - start + 1)
        .send(createReadStream(path, { start, end }));
    },
  );
}
