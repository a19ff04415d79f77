/**
 * Benchmarks register themselves here; bench/run.ts imports them and runs them in order.
 * A bench prints its figure next to its baseline from the same run, and stops by itself.
 */
export interface Bench {
  name: string;
  /** one line: what is measured against what */
  title: string;
  run(): Promise<void>;
}

export const benches: Bench[] = [];

export function registerBench(b: Bench): void {
  benches.push(b);
}

export const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
};

/** a fixed-width table on stdout */
export function printTable(head: string[], rows: Array<Array<string | number>>): void {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const w = head.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  for (const [n, r] of cells.entries()) {
    console.log(r.map((c, i) => c.padStart(w[i]!)).join('  '));
    if (n === 0) console.log(w.map((x) => '-'.repeat(x)).join('  '));
  }
}
