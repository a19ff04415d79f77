import { performance } from 'node:perf_hooks';

/**
 * Runs a background pass on demand: a wake while a pass is under way runs one more right after
 * it (never two at once), and passes start at most every `minGapMs`, so a burst of wakes (a flash
 * sale commits a batch every few ms) costs a pass per gap, each doing more, not one per wake.
 */
export class Pacer {
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private lastStart = -Infinity;
  private cancelled = false;

  constructor(private readonly pass: () => Promise<void>, private readonly minGapMs = 0) {}

  wake = (): void => {
    if (this.cancelled) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.timer) return;
    const wait = this.lastStart + this.minGapMs - performance.now();
    if (wait > 0) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.wake();
      }, wait);
      return;
    }
    this.lastStart = performance.now();
    this.running = this.pass().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  };

  /** Resolves once no pass is under way (one woken meanwhile included). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** No more passes (a pending wake is dropped); the one under way finishes; `resume` undoes it. */
  async cancel(): Promise<void> {
    this.cancelled = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.idle();
  }

  resume(): void {
    this.cancelled = false;
  }
}
