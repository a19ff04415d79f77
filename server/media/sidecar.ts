import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Linli's log port as the media layer sees it. */
export type MediaLog = (level: 'debug' | 'info' | 'warn' | 'error', msg: string, extra?: object) => void;

/** Resolves to the ffmpeg to use, or null when it cannot be run (then live works without HLS/recording). */
export function findFfmpeg(path: string): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(path, ['-hide_banner', '-version'], { timeout: 10_000 }, (err) => resolve(err ? null : path));
  });
}

export interface SidecarOptions {
  ffmpeg: string;
  /** the show's HLS directory: index.m3u8 and its segments */
  hlsDir: string;
  /** the recording of this part of the show */
  recordingFile: string;
  /** 1 for the first publish of a show; a later part appends to the same playlist */
  part: number;
  log: MediaLog;
}

/** ffmpeg fell this far behind (bytes queued on its stdin): something is wrong, stop feeding it */
const MAX_QUEUED = 64 * 1024 * 1024;

/**
 * One ffmpeg per live show, fed the show's FLV on stdin (no network hop, no stream key on its
 * command line), copying (no re-encode) into a live HLS playlist and a fragmented MP4 recording.
 * Fragmented MP4 stays playable up to the last fragment even if the process dies mid-show.
 */
export class Sidecar {
  private readonly proc: ChildProcessWithoutNullStreams;
  private stopping: Promise<void> | null = null;
  private stderr = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(private readonly o: SidecarOptions) {
    mkdirSync(o.hlsDir, { recursive: true });
    mkdirSync(dirname(o.recordingFile), { recursive: true });
    this.proc = spawn(o.ffmpeg, sidecarArgs(o), { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stdout.resume();
    this.proc.stderr.on('data', (d: Buffer) => {
      this.stderr = (this.stderr + d.toString()).slice(-2000);
    });
    // ffmpeg leaving early makes writes fail with EPIPE: that is reported by 'exit', not here
    this.proc.stdin.on('error', () => {});
    this.exited = new Promise((resolve) => {
      this.proc.on('error', (err) => {
        o.log('error', `ffmpeg sidecar could not start: ${err.message}`);
        resolve({ code: null, signal: null });
      });
      this.proc.on('exit', (code, signal) => {
        if (!this.stopping || code !== 0) {
          o.log(this.stopping ? 'warn' : 'error', `ffmpeg sidecar exited (code ${code}, signal ${signal})`, {
            stderr: this.stderr.trim(),
            recording: o.recordingFile,
          });
        }
        resolve({ code, signal });
      });
    });
  }

  write(buf: Buffer): void {
    if (this.stopping || !this.proc.stdin.writable) return;
    if (this.proc.stdin.writableLength > MAX_QUEUED) {
      this.o.log('error', 'ffmpeg sidecar fell behind; stopping it', { recording: this.o.recordingFile });
      void this.stop();
      return;
    }
    this.proc.stdin.write(buf);
  }

  /**
   * Ends the input so ffmpeg writes the playlist's ENDLIST and the recording's trailer, then
   * exits by itself; SIGINT (ffmpeg's own clean stop) and SIGKILL only if it does not.
   */
  stop(timeoutMs = 5_000): Promise<void> {
    this.stopping ??= (async () => {
      this.proc.stdin.end();
      const done = this.exited.then(() => true);
      const wait = (ms: number) => new Promise<false>((r) => setTimeout(() => r(false), ms).unref());
      if (await Promise.race([done, wait(timeoutMs)])) return;
      this.proc.kill('SIGINT');
      if (await Promise.race([done, wait(3_000)])) return;
      this.proc.kill('SIGKILL');
      await done;
    })();
    return this.stopping;
  }
}

export function sidecarArgs(o: Pick<SidecarOptions, 'hlsDir' | 'recordingFile' | 'part'>): string[] {
  const maps = ['-map', '0:v:0?', '-map', '0:a:0?', '-c', 'copy'];
  const hlsFlags = ['delete_segments', 'independent_segments', ...(o.part > 1 ? ['append_list', 'discont_start'] : [])];
  return [
    // -n: never overwrite a recording
    ...['-hide_banner', '-loglevel', 'error', '-nostdin', '-n', '-f', 'flv', '-i', 'pipe:0'],
    // segments are cut at keyframes: 1 s asked, so a 1–2 s keyframe interval gives 1–2 s segments
    ...maps,
    ...['-f', 'hls', '-hls_time', '1', '-hls_list_size', '6', '-hls_flags', hlsFlags.join('+')],
    ...['-hls_segment_filename', join(o.hlsDir, `seg-${o.part}-%05d.ts`), join(o.hlsDir, 'index.m3u8')],
    ...maps,
    ...['-f', 'mp4', '-movflags', '+frag_keyframe+empty_moov+default_base_moof', o.recordingFile],
  ];
}
