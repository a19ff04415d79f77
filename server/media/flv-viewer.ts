import type { ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { NmsBroadcast, NmsSession } from './nms.js';

/** a viewer whose connection cannot keep up is dropped rather than buffered without bound */
const MAX_QUEUED = 4 * 1024 * 1024;

/**
 * An internal NMS subscriber (ip '' = not a public RTMP/FLV play, so NMS neither checks a
 * signature nor counts it) that forwards the FLV tags of a broadcast to a sink.
 */
export function internalSubscriber(sink: { write(buf: Buffer): void; close(): void }): NmsSession {
  const s = {
    id: `linli-${randomUUID()}`,
    ip: '',
    protocol: 'flv',
    streamApp: '',
    streamName: '',
    streamPath: '',
    streamQuery: {},
    createTime: Date.now(),
    inBytes: 0,
    outBytes: 0,
    videoCodec: 0,
    videoWidth: 0,
    videoHeight: 0,
    videoFramerate: 0,
    audioCodec: 0,
    audioChannels: 0,
    audioSamplerate: 0,
    sendBuffer(buf: Buffer) {
      s.outBytes += buf.length;
      sink.write(buf);
    },
    close: () => sink.close(),
  };
  return s;
}

/** One neighbour's HTTP-FLV connection to a show (mpegts.js, ffplay, VLC). */
export class FlvViewer {
  readonly session: NmsSession;
  private done = false;

  constructor(
    private readonly res: ServerResponse,
    private readonly broadcast: NmsBroadcast,
    private readonly onGone: (v: FlvViewer) => void,
  ) {
    res.writeHead(200, {
      'content-type': 'video/x-flv',
      'cache-control': 'no-store',
      // the FLV is a live stream: proxies must pass it through as it comes
      'x-accel-buffering': 'no',
    });
    this.session = internalSubscriber({
      write: (buf) => {
        if (res.writableEnded || res.destroyed) return;
        if (res.writableLength > MAX_QUEUED) return this.close();
        res.write(buf);
      },
      close: () => this.close(),
    });
    res.on('close', () => this.close());
    const err = broadcast.postPlay(this.session);
    if (err) this.close();
  }

  close(): void {
    if (this.done) return;
    this.done = true;
    this.broadcast.donePlay(this.session);
    if (!this.res.writableEnded) this.res.end();
    this.onGone(this);
  }
}
