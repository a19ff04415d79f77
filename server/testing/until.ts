/**
 * Polls `fn` every `everyMs` until it gives a value, and returns it; fails with `what` in the
 * message after `timeoutMs`. For tests and the e2e harness waiting on something real (a stream
 * to go live, a row to change).
 */
export async function until<T>(what: string, fn: () => Promise<T | null | undefined | false>, timeoutMs = 30_000, everyMs = 100): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
