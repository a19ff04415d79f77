import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app.js';
import { staffCtx } from '../../http/context.js';
import type { App } from '../../http/types.js';
import { IDEMPOTENCY_HEADER, idempotent } from '../../idempotency/idempotent.js';
import type { StaffRole } from '../../kernel/ctx.js';
import {
  CreateStreamKeyBody,
  ListShowsQuery,
  LiveStatus,
  ScheduleShowBody,
  ShowView,
  StreamKeySecret,
  StreamKeyView,
} from './contract.js';
import { listShows } from './show.repo.js';
import { listStreamKeys } from './stream-key.repo.js';
import { createStreamKey } from './use-cases/create-stream-key.js';
import { revokeStreamKey } from './use-cases/revoke-stream-key.js';
import { rotateStreamKey } from './use-cases/rotate-stream-key.js';
import { scheduleShow } from './use-cases/schedule-show.js';
import type { LiveVideo } from './video.js';

const tags = ['live'];
const MANAGERS: StaffRole[] = ['owner', 'manager'];
const IdParams = z.object({ id: z.uuid() });

export function registerLiveRoutes(app: App, deps: AppDeps, video: LiveVideo): void {
  const { config } = deps;
  /** what OBS calls "Server": the public host name, the RTMP port, app "live" */
  const rtmpServer = (req: FastifyRequest) => {
    const host = config.PUBLIC_URL ? new URL(config.PUBLIC_URL).hostname : req.hostname;
    return `rtmp://${host}:${video.media.rtmpPort ?? config.RTMP_PORT}/live`;
  };
  const withSecret = (req: FastifyRequest, r: { view: StreamKeyView; streamKey: string }) => {
    const server = rtmpServer(req);
    return { ...r.view, streamKey: r.streamKey, server, url: `${server}/${r.streamKey}` };
  };

  app.get(
    '/api/console/live/stream-keys',
    { schema: { tags, summary: '推流密钥列表 Stream keys of the store', response: { 200: z.array(StreamKeyView) } } },
    async (req) => listStreamKeys(await staffCtx(deps.ctx, req, MANAGERS)),
  );

  app.post(
    '/api/console/live/stream-keys',
    {
      schema: {
        tags,
        summary: '创建推流密钥（仅显示一次）Create a stream key (shown once)',
        body: CreateStreamKeyBody,
        response: { 200: StreamKeySecret },
      },
    },
    async (req) => withSecret(req, await createStreamKey(await staffCtx(deps.ctx, req, MANAGERS), req.body, video)),
  );

  app.post(
    '/api/console/live/stream-keys/:id/rotate',
    {
      schema: {
        tags,
        summary: '重置推流密钥（旧密钥立即失效）Rotate a stream key (the old one stops at once)',
        params: IdParams,
        response: { 200: StreamKeySecret },
      },
    },
    async (req) => withSecret(req, await rotateStreamKey(await staffCtx(deps.ctx, req, MANAGERS), req.params.id, video)),
  );

  app.post(
    '/api/console/live/stream-keys/:id/revoke',
    { schema: { tags, summary: '作废推流密钥 Revoke a stream key', params: IdParams, response: { 200: StreamKeyView } } },
    async (req) => revokeStreamKey(await staffCtx(deps.ctx, req, MANAGERS), req.params.id, video),
  );

  app.post(
    '/api/console/live/shows',
    {
      schema: {
        tags,
        summary: '预告直播 Schedule a show (Idempotency-Key)',
        body: ScheduleShowBody,
        response: { 200: ShowView },
      },
    },
    async (req) => {
      const ctx = await staffCtx(deps.ctx, req, MANAGERS);
      const key = req.headers[IDEMPOTENCY_HEADER] as string | undefined;
      return idempotent(ctx, 'live.schedule_show', key, req.body, (tx) => scheduleShow(tx, req.body));
    },
  );

  app.get(
    '/api/console/live/shows',
    { schema: { tags, summary: '直播场次 Shows of the store', querystring: ListShowsQuery, response: { 200: z.array(ShowView) } } },
    async (req) => listShows(await staffCtx(deps.ctx, req), req.query.status),
  );

  app.get(
    '/api/console/live/status',
    { schema: { tags, summary: '推流状态 Stream status', response: { 200: LiveStatus } } },
    async (req) => video.status(await staffCtx(deps.ctx, req), video.media.rtmpPort === null ? null : rtmpServer(req)),
  );
}
