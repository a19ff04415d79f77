import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { buildApp } from '../../app.js';
import { parseConfig } from '../../config.js';
import { createTestDatabase } from '../../testing/test-db.js';
import { until } from '../../testing/until.js';

/** Helpers of the media tier (not a test file): the running app with RTMP, and ffmpeg as host and viewer. */

export const hasFfmpeg = spawnSync('ffmpeg', ['-version']).status === 0 && spawnSync('ffprobe', ['-version']).status === 0;

export interface LogLine {
  level: number;
  msg: string;
}

/** The whole app listening on free ports (HTTP and RTMP), on a fresh database and data dir. */
export async function startLiveApp(o: { graceSeconds: number; ffmpegPath?: string }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'linli-media-'));
  const database = await createTestDatabase();
  const logs: LogLine[] = [];
  const config = parseConfig({
    NODE_ENV: 'test',
    SEED_DEMO: '0',
    HOST: '127.0.0.1',
    RTMP_PORT: '0',
    DATA_DIR: dataDir,
    LIVE_GRACE_SECONDS: String(o.graceSeconds),
    FFMPEG_PATH: o.ffmpegPath,
  });
  const linli = await buildApp({
    config,
    database,
    logger: { level: 'info', stream: { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) } },
  });
  await linli.app.listen({ port: 0, host: '127.0.0.1' });
  linli.start();
  const { rtmpPort } = await linli.live.start();
  const address = linli.app.server.address();
  const httpBase = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  afterAll(async () => {
    await linli.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return { linli, db: database.db, dataDir, rtmpPort, httpBase, logs, rtmp: (key: string) => `rtmp://127.0.0.1:${rtmpPort}/live/${key}` };
}

export interface Push {
  /** resolves with ffmpeg's exit code (null when killed by a signal) */
  exited: Promise<number | null>;
  stderr(): string;
  /** stops like OBS's "Stop Streaming": ffmpeg closes the RTMP session and exits */
  stop(): Promise<number | null>;
}

/** A host pushing a test pattern with a 2 s keyframe interval (-g 50 at 25 fps), as the docs advise. */
export function push(url: string, seconds: number): Push {
  const p = spawn('ffmpeg', [
    ...['-hide_banner', '-loglevel', 'error', '-nostdin', '-re'],
    ...['-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=25', '-f', 'lavfi', '-i', 'sine=frequency=440'],
    ...['-t', String(seconds), '-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-g', '50', '-pix_fmt', 'yuv420p'],
    ...['-c:a', 'aac', '-b:a', '64k', '-f', 'flv', url],
  ]);
  let err = '';
  p.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => p.on('exit', (code) => resolve(code)));
  return {
    exited,
    stderr: () => err,
    stop: () => {
      p.kill('SIGINT');
      return exited;
    },
  };
}

function run(cmd: string, args: string[], timeoutMs: number): Promise<{ code: number | null; out: string; err: string; ms: number }> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const p = spawn(cmd, args, { timeout: timeoutMs });
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('exit', (code) => resolve({ code, out, err, ms: Math.round(performance.now() - t0) }));
  });
}

/** ffprobe reads the stream's header: which codecs a player gets. */
export async function probe(url: string) {
  const r = await run('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_type,codec_name,width,height', '-of', 'json', url], 30_000);
  const streams = r.code === 0 ? ((JSON.parse(r.out) as { streams: Array<Record<string, unknown>> }).streams ?? []) : [];
  return { ...r, streams };
}

/** A viewer decoding `frames` video frames from the URL. */
export function decode(url: string, frames: number) {
  return run('ffmpeg', ['-v', 'error', '-i', url, '-frames:v', String(frames), '-f', 'null', '-'], 30_000);
}

/** ffprobe of a file: duration in seconds and codecs (the recording). */
export async function probeFile(path: string) {
  const r = await run('ffprobe', ['-v', 'error', '-show_entries', 'format=duration:stream=codec_name', '-of', 'json', path], 30_000);
  if (r.code !== 0) return null;
  const j = JSON.parse(r.out) as { format: { duration: string }; streams: Array<{ codec_name: string }> };
  return { duration: Number(j.format.duration), codecs: j.streams.map((s) => s.codec_name).sort() };
}

export const waitFor = <T>(what: string, fn: () => Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> => until(what, fn, timeoutMs, 50);

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
