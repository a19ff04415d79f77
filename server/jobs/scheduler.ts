/**
 * The in-process job runner: each job runs every `everyMs`, never overlapping itself. Jobs are
 * idempotent and catch up from the database, so a restart or a skipped tick loses nothing.
 */
export interface Job {
  name: string;
  everyMs: number;
  run(): Promise<void>;
}

export class Scheduler {
  private timers: NodeJS.Timeout[] = [];
  private running = new Map<string, Promise<void>>();
  constructor(
    private readonly jobs: Job[],
    private readonly log: (msg: string, err?: unknown) => void,
  ) {}

  start(): void {
    for (const job of this.jobs) {
      const t = setInterval(() => void this.runNow(job.name), job.everyMs);
      t.unref();
      this.timers.push(t);
      void this.runNow(job.name);
    }
  }

  /** Runs one job now (tests call this instead of waiting); joins a run already under way. */
  async runNow(name: string): Promise<void> {
    const job = this.jobs.find((j) => j.name === name);
    if (!job) throw new Error(`no job ${name}`);
    const current = this.running.get(name);
    if (current) return current;
    const p = job
      .run()
      .catch((err) => this.log(`job ${name} failed`, err))
      .finally(() => this.running.delete(name));
    this.running.set(name, p);
    return p;
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    await Promise.all(this.running.values());
  }
}
