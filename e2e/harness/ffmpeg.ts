import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';

/**
 * ffmpeg as the host's encoder and as a viewer, for the live journeys and the video-lag bench.
 * ffmpeg/ffprobe come from Debian (`apt-get install ffmpeg`; .ci/run does it).
 */
export const FFMPEG = process.env.FFMPEG_PATH ?? 'ffmpeg';
export const FFPROBE = process.env.FFPROBE_PATH ?? 'ffprobe';

export function requireFfmpeg(): void {
  for (const bin of [FFMPEG, FFPROBE]) {
    if (spawnSync(bin, ['-version']).status !== 0) throw new Error(`${bin} is missing: apt-get install -y ffmpeg (or set FFMPEG_PATH / FFPROBE_PATH)`);
  }
}

/** x264 as the docs tell streamers to set it: fast preset, no B-frames/lookahead, 1 s keyframes. */
export const X264_LIVE = ['-c:v', 'libx264', '-preset', 'veryfast', '-tune', 'zerolatency', '-pix_fmt', 'yuv420p', '-b:v', '800k', '-maxrate', '800k', '-bufsize', '400k'];

/**
 * Whether the RTMP listener accepts connections yet: the server answers HTTP before its media
 * server has bound RTMP_PORT, and an encoder that connects too early exits (OBS would retry).
 */
export function rtmpListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ host: '127.0.0.1', port }, () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

export interface Encoder {
  proc: ChildProcess;
  /** ffmpeg's last words (stderr) */
  stderr(): string;
  exited: Promise<number | null>;
  /** "Stop Streaming": SIGINT, SIGKILL after 3 s */
  stop(): Promise<number | null>;
}

export function track(proc: ChildProcess): Encoder {
  let err = '';
  proc.stderr?.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  return {
    proc,
    stderr: () => err,
    exited,
    async stop() {
      if (proc.exitCode !== null || proc.signalCode !== null) return exited;
      proc.kill('SIGINT');
      const t = setTimeout(() => proc.kill('SIGKILL'), 3_000);
      const code = await exited;
      clearTimeout(t);
      return code;
    },
  };
}

/** A host pushing a test pattern (testsrc2 + a 440 Hz tone) in real time, keyframe every second. */
export function pushTestPattern(rtmpUrl: string, o: { size?: string; fps?: number } = {}): Encoder {
  const fps = o.fps ?? 25;
  return track(
    spawn(FFMPEG, [
      ...['-hide_banner', '-loglevel', 'error', '-nostdin'],
      ...['-re', '-f', 'lavfi', '-i', `testsrc2=size=${o.size ?? '640x360'}:rate=${fps}`],
      ...['-re', '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=44100'],
      ...X264_LIVE, ...['-g', String(fps), '-keyint_min', String(fps)],
      ...['-c:a', 'aac', '-b:a', '64k', '-ar', '44100'],
      ...['-f', 'flv', rtmpUrl],
    ], { stdio: ['ignore', 'ignore', 'pipe'] }),
  );
}

function run(cmd: string, args: string[], timeoutMs: number): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const p = spawn(cmd, args, { timeout: timeoutMs, killSignal: 'SIGKILL' });
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('exit', (code) => resolve({ code, out, err }));
  });
}

/**
 * A viewer that is not a browser: ffprobe reads `seconds` of the live HTTP-FLV and decodes every
 * video frame in it (-count_frames). Returns the streams' codecs and the decoded frame count.
 */
export async function decodeLive(url: string, seconds = 2): Promise<{ video?: { codec: string; width: number; height: number; frames: number }; audio?: { codec: string }; err: string }> {
  const r = await run(
    FFPROBE,
    ['-v', 'error', '-read_intervals', `%+${seconds}`, '-count_frames', '-show_entries', 'stream=codec_type,codec_name,width,height,nb_read_frames', '-of', 'json', url],
    30_000,
  );
  if (r.code !== 0) return { err: r.err };
  const streams = (JSON.parse(r.out) as { streams: Array<{ codec_type: string; codec_name: string; width?: number; height?: number; nb_read_frames?: string }> }).streams;
  const v = streams.find((s) => s.codec_type === 'video');
  const a = streams.find((s) => s.codec_type === 'audio');
  return {
    video: v && { codec: v.codec_name, width: v.width ?? 0, height: v.height ?? 0, frames: Number(v.nb_read_frames ?? 0) },
    audio: a && { codec: a.codec_name },
    err: r.err,
  };
}
