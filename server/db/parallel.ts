/**
 * Runs independent reads at once — unless the ctx is in a transaction: a transaction is one
 * connection, which runs one query at a time (node-postgres queues them and warns that it will
 * stop doing so), so inside one they run in turn.
 */
export async function readTogether<T extends readonly unknown[]>(
  ctx: { inTx: boolean },
  ...reads: { [K in keyof T]: () => Promise<T[K]> }
): Promise<T> {
  if (!ctx.inTx) return (await Promise.all(reads.map((r) => r()))) as unknown as T;
  const out: unknown[] = [];
  for (const r of reads) out.push(await r());
  return out as unknown as T;
}
