import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Sidecar } from './sidecar.js';

/** Fake ffmpegs: the sidecar must stop even when ffmpeg ignores end of input (and SIGINT). */
function fake(name: string, script: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'linli-sidecar-'));
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\n${script}\n`);
  chmodSync(path, 0o755);
  return path;
}

function sidecar(ffmpeg: string) {
  const dir = mkdtempSync(join(tmpdir(), 'linli-sidecar-out-'));
  const logs: string[] = [];
  const s = new Sidecar({ ffmpeg, hlsDir: join(dir, 'hls'), recordingFile: join(dir, 'rec', 'x.mp4'), part: 1, log: (_l, m) => logs.push(m) });
  return { s, logs };
}

describe('ffmpeg sidecar stop', () => {
  it('ends the input and lets ffmpeg finish by itself', async () => {
    const { s, logs } = sidecar(fake('ffmpeg', 'cat > /dev/null; exit 0'));
    s.write(Buffer.from('FLV'));
    await s.stop(2_000);
    expect(await s.exited).toEqual({ code: 0, signal: null });
    expect(logs).toEqual([]);
  });

  it('sends SIGINT, then SIGKILL, to an ffmpeg that does not stop', async () => {
    const { s } = sidecar(fake('ffmpeg', "trap '' INT; while true; do sleep 0.1; done"));
    await s.stop(100);
    expect((await s.exited).signal).toBe('SIGKILL');
  });

  it('reports an ffmpeg that cannot start, and ignores writes after that', async () => {
    const { s, logs } = sidecar('/nonexistent/ffmpeg');
    await s.exited;
    s.write(Buffer.from('FLV'));
    await s.stop(100);
    expect(logs.some((m) => m.startsWith('ffmpeg sidecar could not start'))).toBe(true);
  });
});
