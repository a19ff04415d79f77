/** Money is integer fen (分) everywhere; yuan (元) only at the edge: display and input. */

/** 1250 → "¥12.50" */
export function formatFen(fen: number | null | undefined): string {
  if (fen == null || !Number.isFinite(fen)) return '—';
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.round(fen));
  return `${sign}¥${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** 12.5 or "12.50" → 1250; null when not a non-negative amount with at most 2 decimals. */
export function yuanToFen(yuan: number | string | null | undefined): number | null {
  if (yuan == null || yuan === '') return null;
  const s = typeof yuan === 'number' ? yuan.toFixed(2) : yuan.trim();
  const m = /^(\d+)(?:\.(\d{0,2}))?$/.exec(s);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** 1250 → 12.5 (for number inputs that are entered in 元) */
export function fenToYuan(fen: number): number {
  return Math.round(fen) / 100;
}
