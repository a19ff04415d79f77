/** Money is integer fen (分). Never a float; formatting happens at the edge. */
export type Fen = number;

export function assertFen(v: number): Fen {
  if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`not a fen amount: ${v}`);
  return v;
}

export function lineTotal(unitPriceFen: Fen, qty: number): Fen {
  return assertFen(unitPriceFen * qty);
}

/** ¥12.50 — for logs, messages and receipts. */
export function formatYuan(fen: Fen): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}¥${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
