import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { App } from '../http/types.js';
import { AppError } from '../kernel/errors.js';
import type { MediaServer } from './media-server.js';

const HLS_FILE = /^(index\.m3u8|seg-\d+-\d+\.ts)$/;

/**
 * Playback by show id, never by stream key: HTTP-FLV piped from node-media-server inside this
 * process (same origin as the web app, no second port) and the ffmpeg sidecar's HLS files.
 */
export function registerMediaRoutes<G extends { channelId: string }>(app: App, media: MediaServer<G>): void {
  app.get(
    '/media/shows/:showId.flv',
    { schema: { hide: true, params: z.object({ showId: z.uuid() }) } },
    async (req, reply) => {
      if (!media.playback(req.params.showId).flv) throw new AppError('LIVE_SHOW_NOT_ON_AIR', { showId: req.params.showId });
      reply.hijack();
      if (!media.attachViewer(req.params.showId, reply.raw)) {
        reply.raw.writeHead(404).end();
      }
    },
  );

  app.get(
    '/media/shows/:showId/:file',
    { schema: { hide: true, params: z.object({ showId: z.uuid(), file: z.string().regex(HLS_FILE) }) } },
    async (req, reply) => {
      const path = join(media.hlsDir(req.params.showId), req.params.file);
      const info = await stat(path).catch(() => null);
      if (!info) throw new AppError('LIVE_SHOW_NOT_ON_AIR', { showId: req.params.showId });
      const playlist = req.params.file.endsWith('.m3u8');
      return reply
        .header('content-type', playlist ? 'application/vnd.apple.mpegurl' : 'video/mp2t')
        // the playlist changes every segment; a segment never changes once listed
        .header('cache-control', playlist ? 'no-cache' : 'public, max-age=300, immutable')
        .header('content-length', info.size)
        .send(createReadStream(path));
    },
  );
}
