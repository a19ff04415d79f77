import { createHash, randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Socket } from 'node:net';

/**
 * The typed edge of node-media-server 4.4 (plain CommonJS, no types). Everything Linli uses of it
 * is declared here, so an upgrade that moves these internals breaks in one file:
 * - `NodeMediaServer` (RTMP sessions, fan-out with a GOP cache, publish grace) driven through
 *   `rtmpServer.handleRequest(socket)` on a listener Linli owns (NMS would process.exit on
 *   EADDRINUSE and cannot listen on port 0);
 * - `Context`: the process-wide broadcasts map and event emitter (one NMS per process);
 * - `rateSampler`: per-stream byte rates; `logger`: rerouted into Linli's log.
 */
const require = createRequire(import.meta.url);

/** An NMS session (RtmpSession for publishers; Linli's own objects for subscribers). */
export interface NmsSession {
  id: string;
  /** "address:port"; '' marks an internal session (no auth check, not counted as a play) */
  ip: string;
  protocol: string;
  streamApp: string;
  streamName: string;
  streamPath: string;
  streamQuery: Record<string, unknown>;
  socket?: Socket;
  broadcast?: NmsBroadcast;
  /** ms since epoch: when the connection was accepted */
  createTime: number;
  inBytes: number;
  outBytes: number;
  videoCodec: number;
  videoWidth: number;
  videoHeight: number;
  videoFramerate: number;
  audioCodec: number;
  audioChannels: number;
  audioSamplerate: number;
  sendBuffer(buf: Buffer): void;
  close(): void;
}

export interface NmsBroadcast {
  streamPath: string;
  publisher: NmsSession | null;
  subscribers: Map<string, NmsSession>;
  publishGraceMs: number;
  postPlay(session: NmsSession): string | null;
  donePlay(session: NmsSession): void;
  getPublishStatus(): 'publishing' | 'reconnecting' | 'idle';
}

export type NmsEvent = 'prePublish' | 'postPublish' | 'donePublish' | 'prePlay' | 'postPlay' | 'donePlay';

interface NodeMediaServer {
  rtmpServer: { handleRequest(socket: Socket): void };
  on(event: NmsEvent, fn: (s: NmsSession) => void): void;
  stop(): Promise<void>;
}

interface NmsContext {
  broadcasts: Map<string, NmsBroadcast>;
  eventEmitter: { off(event: string, fn: (s: NmsSession) => void): void };
}

interface NmsLogger {
  level: string;
  log(message: string, level?: string): void;
}

interface NmsModules {
  Ctor: new (config: object) => NodeMediaServer;
  context: NmsContext;
  logger: NmsLogger;
  rateSampler: { getStreamRates(streamPath: string): { inBps: number; outBps: number } };
}

let modules: NmsModules | null = null;
/** Loaded when the media server starts, not at import: it is a noticeable part of start-up. */
function nms(): NmsModules {
  modules ??= {
    Ctor: require('node-media-server'),
    context: require('node-media-server/src/core/context.js'),
    logger: require('node-media-server/src/core/logger.js'),
    rateSampler: require('node-media-server/src/core/rate_sampler.js').rateSampler,
  };
  return modules;
}

export const streamRates = (streamPath: string) => nms().rateSampler.getStreamRates(streamPath);

/** FLV codec ids as NMS reports them from the publisher's metadata. */
export const VIDEO_CODECS: Record<number, string> = { 7: 'H.264', 12: 'H.265', 13: 'AV1' };
export const AUDIO_CODECS: Record<number, string> = { 2: 'MP3', 10: 'AAC', 13: 'Opus' };

export interface Nms {
  server: NodeMediaServer;
  /** NMS refuses a publish whose query lacks a valid signature; Linli signs the ones it grants */
  signPublish(session: NmsSession): void;
  listen(event: NmsEvent, fn: (s: NmsSession) => void): void;
  stop(): Promise<void>;
}

let running = false;

/**
 * Creates the process's node-media-server. Publish and play both require a signature with a
 * secret nobody outside this process knows: every push is refused unless Linli's prePublish
 * hook vouches for it, and no one can pull a stream over RTMP (viewers get HTTP-FLV by show id).
 */
export function createNms(log: (level: string, msg: string) => void): Nms {
  if (running) throw new Error('node-media-server keeps process-wide state: one media server per process');
  running = true;
  nms().logger.log = (message, level = 'info') => log(level, message);
  const secret = randomBytes(24).toString('hex');
  const server = new (nms().Ctor)({
    auth: { publish: true, play: true, secret },
    webadmin: { enable: false },
  });
  const listeners: Array<[NmsEvent, (s: NmsSession) => void]> = [];
  return {
    server,
    signPublish(session) {
      // NMS's signed-URL format: sign=<expiry>-md5(<path>-<expiry>-<secret>)
      const exp = Math.floor(Date.now() / 1000) + 60;
      const hash = createHash('md5').update(`${session.streamPath}-${exp}-${secret}`).digest('hex');
      session.streamQuery = { sign: `${exp}-${hash}` };
    },
    listen(event, fn) {
      listeners.push([event, fn]);
      server.on(event, fn);
    },
    async stop() {
      for (const [event, fn] of listeners) nms().context.eventEmitter.off(event, fn);
      await server.stop();
      running = false;
    },
  };
}
