import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrderView } from '../../api/types.js';
import { formatFen } from '../../lib/money.js';
import { takenOffKind, unitsLeft } from '../../lib/orders.js';

/** What to hand over: qty − refunded of each line; a line refunded in full is struck through. */
export function OrderLines({ order }: { order: OrderView }) {
  const { t } = useTranslation();
  const kind = takenOffKind(order);
  return (
    <div className="counter-lines" data-testid="counter-lines">
      {order.lines.map((l) => {
        const left = unitsLeft(l);
        return (
          <div className={left === 0 ? 'counter-line counter-line-off' : 'counter-line'} key={l.id} data-testid="counter-line">
            <span>
              {l.productName} <span style={{ color: '#888' }}>{l.spec}</span>
              {left === 0 ? (
                <Tag style={{ marginLeft: 8 }} data-testid="counter-line-off">{t(`counter.line.${kind}`)}</Tag>
              ) : l.refundedQty > 0 ? (
                <Tag color="orange" style={{ marginLeft: 8 }}>{t(`counter.line.${kind}N`, { n: l.refundedQty })}</Tag>
              ) : null}
            </span>
            {left === 0 ? (
              <s className="num">× {l.qty} {l.unit}　{formatFen(l.lineTotalFen)}</s>
            ) : (
              <span className="num" data-testid="counter-line-qty">× {left} {l.unit}　{formatFen(l.unitPriceFen * left)}</span>
            )}
          </div>
        );
      })}
    </div>
  );
}
