import type { OrderView } from '../../api/types.js';
import { formatFen } from '../../lib/money.js';

export function OrderLines({ order }: { order: OrderView }) {
  return (
    <div className="counter-lines" data-testid="counter-lines">
      {order.lines.map((l) => (
        <div className="counter-line" key={l.id}>
          <span>{l.productName} <span style={{ color: '#888' }}>{l.spec}</span></span>
          <span className="num">× {l.qty} {l.unit}　{formatFen(l.lineTotalFen)}</span>
        </div>
      ))}
    </div>
  );
}
