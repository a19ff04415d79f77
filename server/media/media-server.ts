import { existsSync, rmSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { FlvViewer } from './flv-viewer.js';
import { createNms, type Nms, type NmsSession } from './nms.js';
import { findFfmpeg, type MediaLog } from './sidecar.js';
import { Channel, type ChannelStatus, type MediaHooks } from './channel.js';

export interface MediaOptions<G extends { channelId: string }> {
  /** RTMP listen port; 0 picks a free one */
  rtmpPort: number;
  host: string;
  dataDir: string;
  /** ffmpeg to use; absent → HLS and recording are off (logged once) */
  ffmpegPath: string;
  graceMs: number;
  log: MediaLog;
  hooks: MediaHooks<G>;
}

/** RTMP clients that send nothing for this long are dropped (a dead phone connection) */
const IDLE_MS = 20_000;

/**
 * node-media-server inside Linli: RTMP in on RTMP_PORT with a push allowed only for a granted
 * stream key, HTTP-FLV out by show id (viewers never see a key), and an ffmpeg sidecar per show
 * for HLS and recording. A channel (one stream key) survives a reconnect within the grace period.
 */
export class MediaServer<G extends { channelId: string }> {
  private nms: Nms | null = null;
  private listener: Server | null = null;
  private readonly channels = new Map<string, Channel<G>>();
  private readonly byShow = new Map<string, Channel<G>>();
  private readonly ending = new Map<string, Promise<void>>();
  private readonly grants = new WeakMap<NmsSession, G>();
  private ffmpeg: string | null = null;
  private port: number | null = null;

  constructor(private readonly o: MediaOptions<G>) {}

  /** the bound RTMP port, once started */
  get rtmpPort(): number | null {
    return this.port;
  }

  get hasFfmpeg(): boolean {
    return this.ffmpeg !== null;
  }

  async start(): Promise<{ rtmpPort: number }> {
    const { log } = this.o;
    this.ffmpeg = await findFfmpeg(this.o.ffmpegPath);
    if (!this.ffmpeg) log('warn', `ffmpeg not found (${this.o.ffmpegPath}): live shows play as HTTP-FLV only, without HLS or recording`);
    const nms = createNms((level, msg) => log('debug', `nms ${level}: ${msg}`));
    this.nms = nms;
    nms.listen('prePublish', this.prePublish);
    nms.listen('postPublish', this.postPublish);
    nms.listen('donePublish', (s) => this.channelOf(s)?.publishFinished(s));
    const server = createServer({ noDelay: true }, (socket: Socket) => {
      socket.setTimeout(IDLE_MS, () => socket.destroy());
      nms.server.rtmpServer.handleRequest(socket);
    });
    this.listener = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.o.rtmpPort, this.o.host, () => resolve());
    });
    server.on('error', (err) => log('error', 'RTMP listener failed', { err }));
    const addr = server.address();
    this.port = typeof addr === 'object' && addr ? addr.port : this.o.rtmpPort;
    log('info', `RTMP ingest listening on ${this.o.host}:${this.port} (rtmp://<host>:${this.port}/live/<stream key>)`);
    return { rtmpPort: this.port };
  }

  /**
   * Stops outputs cleanly (recordings finalised) without ending any show: after a restart the
   * host's encoder reconnects and, within the grace period, the same show goes on (see adopt).
   */
  async stop(): Promise<void> {
    await Promise.all([...this.channels.values()].map((c) => c.shutdown()));
    await this.settled();
    this.channels.clear();
    this.byShow.clear();
    if (this.listener) await new Promise<void>((r) => this.listener!.close(() => r()));
    this.listener = null;
    await this.nms?.stop();
    this.nms = null;
  }

  /** A show left live by a previous process: it ends after the grace period unless its key pushes again. */
  adopt(grant: G, showId: string): void {
    if (this.channels.has(grant.channelId)) return;
    const ch = this.newChannel(grant);
    ch.adopt(showId);
  }

  /** Drops the current publisher of a channel (key rotated or revoked); the show's grace period starts. */
  kick(channelId: string): void {
    this.channels.get(channelId)?.kick();
  }

  /** channels with a connected publisher */
  publishingChannels(): string[] {
    return [...this.channels.entries()].filter(([, c]) => c.isConnected).map(([id]) => id);
  }

  status(channelId: string): ChannelStatus | null {
    return this.channels.get(channelId)?.status() ?? null;
  }

  /** What a neighbour can play of a show right now. */
  playback(showId: string): { flv: boolean; hls: boolean } {
    const ch = this.byShow.get(showId);
    if (!ch) return { flv: false, hls: false };
    return { flv: ch.playable, hls: existsSync(join(this.hlsDir(showId), 'index.m3u8')) };
  }

  /** Streams a live show as HTTP-FLV into `res`; false when the show is not on air here. */
  attachViewer(showId: string, res: ServerResponse): boolean {
    const ch = this.byShow.get(showId);
    const broadcast = ch?.broadcast;
    if (!ch || !broadcast || !ch.playable) return false;
    ch.viewers.add(new FlvViewer(res, broadcast, (v) => ch.viewers.delete(v)));
    return true;
  }

  hlsDir(showId: string): string {
    return join(this.o.dataDir, 'hls', showId);
  }

  recordingsDir(): string {
    return join(this.o.dataDir, 'recordings');
  }

  private channelOf(s: NmsSession): Channel<G> | undefined {
    const g = this.grants.get(s);
    return g && this.channels.get(g.channelId);
  }

  private newChannel(grant: G): Channel<G> {
    const id = grant.channelId;
    const ch: Channel<G> = new Channel<G>(
      grant,
      {
        graceMs: this.o.graceMs,
        hooks: this.o.hooks,
        log: this.o.log,
        ffmpeg: () => this.ffmpeg,
        hlsDir: (showId) => this.hlsDir(showId),
        recordingsDir: this.recordingsDir(),
        onShow: (showId) => this.byShow.set(showId, ch),
        onEnding: (done) => {
          if (this.channels.get(id) === ch) this.channels.delete(id);
          this.ending.set(id, done);
          void done.finally(() => this.ending.get(id) === done && this.ending.delete(id));
        },
        onEnded: (showId) => {
          if (!showId || this.byShow.get(showId) !== ch) return;
          this.byShow.delete(showId);
          rmSync(this.hlsDir(showId), { recursive: true, force: true });
        },
      },
      // a new publish of a key whose last show is still ending starts after that show has ended
      this.ending.get(id),
    );
    this.channels.set(id, ch);
    return ch;
  }

  /** Resolves once every channel that was ending has ended (tests, shutdown). */
  async settled(): Promise<void> {
    await Promise.all(this.ending.values());
  }

  /** Synchronous by NMS's design: the decision comes from the in-memory key registry. */
  private prePublish = (s: NmsSession): void => {
    const grant = s.streamApp === 'live' ? this.o.hooks.authorize(s.streamName) : null;
    const who = `${s.ip} /${s.streamApp}/${s.streamName.slice(0, 6)}…`;
    if (!grant) {
      this.o.log('warn', `refused RTMP push from ${who}: unknown or revoked stream key`);
      return; // unsigned: NMS answers with an auth failure and closes the connection
    }
    if (this.channels.get(grant.channelId)?.hasLivePublisher(s)) {
      this.o.log('warn', `refused RTMP push from ${who}: this stream key is already publishing`);
      return;
    }
    this.grants.set(s, grant);
    this.nms!.signPublish(s);
  };

  private postPublish = (s: NmsSession): void => {
    const grant = this.grants.get(s);
    if (!grant) return;
    const ch = this.channels.get(grant.channelId) ?? this.newChannel(grant);
    ch.publish(s);
  };
}
