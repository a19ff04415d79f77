import { formatFen } from '../../lib/money.js';

/** ¥12.50 with a small ¥, in the shop's red */
export function Price({ fen, size = 16 }: { fen: number; size?: number }) {
  const s = formatFen(fen);
  return (
    <span className="m-price" style={{ fontSize: size }}>
      <small>¥</small>
      {s.replace('¥', '')}
    </span>
  );
}
