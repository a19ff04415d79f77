import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { internalSubscriber, type FlvViewer } from './flv-viewer.js';
import { AUDIO_CODECS, VIDEO_CODECS, streamRates, type NmsBroadcast, type NmsSession } from './nms.js';
import { Sidecar, type MediaLog } from './sidecar.js';

/** What the media server asks of the domain (the live module), wired in app.ts. */
export interface MediaHooks<G extends { channelId: string }> {
  /** the grant of a stream key, or null to refuse the push; synchronous (NMS cannot wait) */
  authorize(streamName: string): G | null;
  /** a channel began publishing (not a reconnect within grace): start its show, return the show id */
  started(grant: G): Promise<string>;
  /** the channel stayed silent for the whole grace period: end the show */
  ended(grant: G, showId: string): Promise<void>;
}

export interface ChannelStatus {
  showId: string | null;
  state: 'starting' | 'publishing' | 'reconnecting';
  /** when the current publisher connected */
  since: Date | null;
  video: { codec: string; width: number; height: number; fps: number } | null;
  audio: { codec: string; sampleRate: number; channels: number } | null;
  /** measured ingest over the last seconds */
  bitrateKbps: number;
  flvViewers: number;
  recording: boolean;
}

export interface ChannelDeps<G extends { channelId: string }> {
  graceMs: number;
  hooks: MediaHooks<G>;
  log: MediaLog;
  ffmpeg(): string | null;
  hlsDir(showId: string): string;
  recordingsDir: string;
  /** the show id is known: viewers may find the channel by it */
  onShow(showId: string): void;
  /** the channel is ending: forget it (a new publish of the key starts a new channel after `done`) */
  onEnding(done: Promise<void>): void;
  /** outputs are stopped: forget the show id and its HLS files */
  onEnded(showId: string | null): void;
}

/**
 * One stream key's publishing life: publish → (disconnect → reconnect within grace)* → end.
 * A reconnect that NMS resumes on the same broadcast keeps the viewers and the ffmpeg sidecar;
 * any other republish within grace keeps the show but starts a new recording part.
 */
export class Channel<G extends { channelId: string }> {
  showId: string | null = null;
  publisher: NmsSession | null = null;
  broadcast: NmsBroadcast | null = null;
  readonly viewers = new Set<FlvViewer>();
  private connected = false;
  private since: Date | null = null;
  private sidecar: { proc: Sidecar; sub: NmsSession; broadcast: NmsBroadcast } | null = null;
  private stopping: Promise<void>[] = [];
  private grace: NodeJS.Timeout | null = null;
  private ready: Promise<void>;
  private ended = false;
  private lastPart = 0;

  constructor(
    private readonly grant: G,
    private readonly d: ChannelDeps<G>,
    after: Promise<void> = Promise.resolve(),
  ) {
    this.ready = after;
  }

  get playable(): boolean {
    return !this.ended && this.showId !== null && this.broadcast !== null;
  }

  get isConnected(): boolean {
    return this.connected;
  }

  hasLivePublisher(other: NmsSession): boolean {
    return this.connected && this.publisher !== null && this.publisher !== other;
  }

  publish(s: NmsSession): void {
    if (this.grace) clearTimeout(this.grace);
    this.grace = null;
    const resumed = this.broadcast !== null && this.broadcast === s.broadcast;
    this.publisher = s;
    this.connected = true;
    this.since = new Date();
    // NMS keeps the broadcast (viewers, timeline) for a same-client reconnect as long as we do
    if (s.broadcast) s.broadcast.publishGraceMs = this.d.graceMs;
    s.socket?.once('close', () => this.publisherGone(s));
    if (resumed) {
      this.d.log('info', `live channel ${this.grant.channelId} resumed`, { showId: this.showId });
      return;
    }
    this.stopOutputs();
    this.broadcast = s.broadcast ?? null;
    const publishedAfterMs = Date.now() - s.createTime;
    this.ready = this.ready
      .then(async () => {
        if (this.showId === null) {
          this.showId = await this.d.hooks.started(this.grant);
          this.d.onShow(this.showId);
        }
        if (this.publisher === s && this.broadcast === s.broadcast && !this.ended) this.startSidecar();
        this.d.log('info', `live channel ${this.grant.channelId} publishing`, {
          showId: this.showId,
          // encoder's TCP connect → RTMP publish → show live (committed)
          publishedAfterMs,
          liveAfterMs: Date.now() - s.createTime,
        });
      })
      .catch((err) => {
        this.d.log('error', `live channel ${this.grant.channelId}: the show could not start; dropping the push`, { err });
        this.kick();
      });
  }

  /** a show left live by a previous process waits one grace period for its host */
  adopt(showId: string): void {
    this.showId = showId;
    this.d.onShow(showId);
    this.d.log('info', `live show ${showId} was on air before the restart; waiting ${this.d.graceMs} ms for its host`);
    this.armGrace();
  }

  /** NMS finished the publish of `s` (its own grace expired, or another client took over) */
  publishFinished(s: NmsSession): void {
    if (this.publisher !== s || this.connected) return;
    this.stopOutputs();
    this.broadcast = null;
  }

  kick(): void {
    const p = this.publisher;
    if (p?.socket) p.socket.destroy();
    else p?.close();
  }

  status(): ChannelStatus {
    const p = this.publisher;
    const rates = this.broadcast ? streamRates(this.broadcast.streamPath) : { inBps: 0 };
    return {
      showId: this.showId,
      state: !this.connected ? 'reconnecting' : this.showId ? 'publishing' : 'starting',
      since: this.since,
      video: p?.videoCodec
        ? { codec: VIDEO_CODECS[p.videoCodec] ?? `flv#${p.videoCodec}`, width: p.videoWidth, height: p.videoHeight, fps: p.videoFramerate }
        : null,
      audio: p?.audioCodec
        ? { codec: AUDIO_CODECS[p.audioCodec] ?? `flv#${p.audioCodec}`, sampleRate: p.audioSamplerate, channels: p.audioChannels }
        : null,
      bitrateKbps: Math.round((rates.inBps * 8) / 1000),
      flvViewers: this.viewers.size,
      recording: this.sidecar !== null,
    };
  }

  /** Process shutdown: finalise the recording, leave the show live for the next process to adopt. */
  async shutdown(): Promise<void> {
    if (this.grace) clearTimeout(this.grace);
    this.ended = true;
    this.stopOutputs();
    await Promise.all(this.stopping);
  }

  private publisherGone(s: NmsSession): void {
    if (this.publisher !== s || this.ended) return;
    this.connected = false;
    this.d.log('info', `live channel ${this.grant.channelId} lost its publisher; waiting ${this.d.graceMs} ms`, { showId: this.showId });
    this.armGrace();
  }

  private armGrace(): void {
    this.grace = setTimeout(() => this.end(), this.d.graceMs);
    this.grace.unref();
  }

  private end(): void {
    if (this.ended) return;
    this.ended = true;
    const done = (async () => {
      await this.ready.catch(() => {});
      this.stopOutputs();
      await Promise.all(this.stopping);
      this.d.onEnded(this.showId);
      if (!this.showId) return;
      await retry(() => this.d.hooks.ended(this.grant, this.showId!), this.d.log);
      this.d.log('info', `live channel ${this.grant.channelId} ended its show`, { showId: this.showId });
    })();
    this.d.onEnding(done);
  }

  private startSidecar(): void {
    const ffmpeg = this.d.ffmpeg();
    if (!ffmpeg || !this.showId || !this.broadcast) return;
    // a part's file appears only once ffmpeg has read its input: count parts here as well as on disk
    const part = nextPart(this.d.recordingsDir, this.showId, this.lastPart + 1);
    this.lastPart = part;
    const proc = new Sidecar({
      ffmpeg,
      hlsDir: this.d.hlsDir(this.showId),
      recordingFile: join(this.d.recordingsDir, recordingName(this.showId, part)),
      part,
      log: this.d.log,
    });
    const sub = internalSubscriber({ write: (b) => proc.write(b), close: () => void proc.stop() });
    const broadcast = this.broadcast;
    const sidecar = { proc, sub, broadcast };
    this.sidecar = sidecar;
    broadcast.postPlay(sub);
    void proc.exited.then(() => {
      // ffmpeg gone early (crash, fell behind): the show goes on as HTTP-FLV only
      broadcast.donePlay(sub);
      if (this.sidecar === sidecar) this.sidecar = null;
    });
  }

  private stopOutputs(): void {
    for (const v of [...this.viewers]) v.close();
    const sc = this.sidecar;
    this.sidecar = null;
    if (!sc) return;
    sc.broadcast.donePlay(sc.sub);
    this.stopping.push(sc.proc.stop());
  }
}

export const recordingName = (showId: string, part: number) => (part === 1 ? `${showId}.mp4` : `${showId}-${part}.mp4`);

function nextPart(dir: string, showId: string, from: number): number {
  let part = from;
  while (existsSync(join(dir, recordingName(showId, part)))) part++;
  return part;
}

async function retry(fn: () => Promise<void>, log: MediaLog): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (attempt >= 5) return log('error', 'could not end a live show; it is ended at the next start', { err });
      await new Promise((r) => setTimeout(r, 2_000 * attempt));
    }
  }
}
