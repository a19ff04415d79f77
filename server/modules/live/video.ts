import { resolve } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config.js';
import { systemCtx } from '../../db/system-ctx.js';
import type { Clock } from '../../kernel/clock.js';
import type { Ctx, Db } from '../../kernel/ctx.js';
import { MediaServer, type MediaLog } from '../../media/index.js';
import type { LiveStatus } from './contract.js';
import { allLiveShows } from './show.repo.js';
import { StreamKeyRegistry } from './stream-key-registry.js';
import { listStreamKeys, type LiveGrant } from './stream-key.repo.js';
import type { StreamKeyListener } from './use-cases/create-stream-key.js';
import { endShow } from './use-cases/end-show.js';
import { startShow } from './use-cases/start-show.js';

export interface LiveVideoDeps {
  config: Config;
  db: Db;
  clock: Clock;
  outboxWake(): void;
  logger: FastifyBaseLogger;
}

/** keys changed by another process (PostgreSQL, several nodes) reach this registry within this */
const REGISTRY_REFRESH_MS = 10_000;

/**
 * Live video of every store in this process: the stream-key registry, the media server and the
 * show lifecycle they drive (push → show live; silent for the grace period → show ended).
 */
export class LiveVideo implements StreamKeyListener {
  readonly registry = new StreamKeyRegistry();
  readonly media: MediaServer<LiveGrant>;
  private started: Promise<{ rtmpPort: number }> | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly d: LiveVideoDeps) {
    const log: MediaLog = (level, msg, extra) => d.logger[level](extra ?? {}, msg);
    this.media = new MediaServer<LiveGrant>({
      rtmpPort: d.config.RTMP_PORT,
      host: d.config.HOST,
      dataDir: resolve(d.config.DATA_DIR),
      ffmpegPath: d.config.FFMPEG_PATH ?? 'ffmpeg',
      graceMs: Math.round(d.config.LIVE_GRACE_SECONDS * 1000),
      log,
      hooks: {
        authorize: (name) => this.registry.authorize(name),
        started: async (g) => (await startShow(this.ctxOf(g), g)).showId,
        ended: (g, showId) => endShow(this.ctxOf(g), showId),
      },
    });
  }

  /** Starts once; later calls (and tests) get the same promise. */
  start(): Promise<{ rtmpPort: number }> {
    this.started ??= (async () => {
      await this.registry.load(this.d.db);
      const ready = await this.media.start();
      for (const show of await allLiveShows(this.d.db)) {
        if (!show.streamKeyId || !show.hostStaffId) continue;
        const grant = { channelId: show.streamKeyId, orgId: show.orgId, storeId: show.storeId, hostStaffId: show.hostStaffId };
        this.media.adopt(grant, show.id);
      }
      this.timer = setInterval(() => void this.refresh(), REGISTRY_REFRESH_MS);
      this.timer.unref();
      return ready;
    })();
    return this.started;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.started) await this.started.catch(() => {});
    await this.media.stop();
  }

  activated(hash: string, grant: LiveGrant): void {
    this.registry.activate(hash, grant);
  }

  deactivated(keyId: string): void {
    this.registry.deactivate(keyId);
    this.media.kick(keyId);
  }

  /** Stream state of every active key of the store (console). */
  async status(ctx: Ctx, rtmpServer: string | null): Promise<LiveStatus> {
    const keys = (await listStreamKeys(ctx)).filter((k) => k.status === 'active');
    return {
      rtmpServer,
      ffmpeg: this.media.hasFfmpeg,
      streams: keys.map((k) => {
        const s = this.media.status(k.id);
        const base = { streamKeyId: k.id, label: k.label, hostName: k.host.name };
        if (!s) {
          return { ...base, state: 'idle' as const, showId: null, since: null, video: null, audio: null, bitrateKbps: 0, flvViewers: 0, recording: false, hls: false };
        }
        const hls = s.showId ? this.media.playback(s.showId).hls : false;
        return { ...base, ...s, since: s.since?.toISOString() ?? null, hls };
      }),
    };
  }

  private ctxOf(g: LiveGrant): Ctx {
    return systemCtx(this.d.db, g, 'live-video', { clock: this.d.clock, outboxWake: this.d.outboxWake });
  }

  private async refresh(): Promise<void> {
    try {
      await this.registry.load(this.d.db);
      for (const id of this.media.publishingChannels()) if (!this.registry.has(id)) this.media.kick(id);
    } catch (err) {
      this.d.logger.error({ err }, 'live: reloading stream keys failed');
    }
  }
}
