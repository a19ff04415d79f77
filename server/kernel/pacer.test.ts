import { describe, expect, it } from 'vitest';
import { Pacer } from './pacer.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function counted(passMs: number) {
  const log = { started: 0, concurrent: 0, maxConcurrent: 0 };
  const pass = async () => {
    log.started++;
    log.concurrent++;
    log.maxConcurrent = Math.max(log.maxConcurrent, log.concurrent);
    await sleep(passMs);
    log.concurrent--;
  };
  return { log, pass };
}

describe('Pacer', () => {
  it('runs one pass at a time, and a burst of wakes during a pass costs one more pass, not one each', async () => {
    const { log, pass } = counted(30);
    const p = new Pacer(pass);
    p.wake();
    for (let i = 0; i < 50; i++) p.wake();
    await sleep(5);
    await p.idle();
    expect(log.started).toBe(2);
    expect(log.maxConcurrent).toBe(1);
  });

  it('starts passes at most every minGapMs, and a wake inside the gap is kept, not lost', async () => {
    const { log, pass } = counted(1);
    const p = new Pacer(pass, 60);
    const t0 = performance.now();
    p.wake();
    await p.idle();
    p.wake();
    p.wake();
    expect(log.started).toBe(1);
    await sleep(90);
    await p.idle();
    expect(log.started).toBe(2);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(60);
  });

  it('cancel drops a wake waiting for its gap and lets the pass under way finish', async () => {
    const { log, pass } = counted(20);
    const p = new Pacer(pass, 50);
    p.wake();
    p.wake();
    await p.cancel();
    expect(log.started).toBe(1);
    expect(log.concurrent).toBe(0);
    p.wake();
    await sleep(80);
    expect(log.started).toBe(1);
    p.resume();
    p.wake();
    await sleep(5);
    await p.idle();
    expect(log.started).toBe(2);
  });
});
