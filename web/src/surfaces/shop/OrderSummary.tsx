import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderView } from '../../api/types.js';
import { takenOffKind, unitsLeft } from '../../lib/orders.js';

/**
 * One line of 我的订单: what the neighbour will actually get — each line's qty − refunded (or,
 * unpaid, dropped for a shortage) units, the units taken off named; a line taken off in full is
 * struck through.
 */
export function OrderSummary({ order }: { order: Pick<OrderView, 'id' | 'lines' | 'refundedFen'> }) {
  const { t } = useTranslation();
  const off = takenOffKind(order);
  return (
    <span className="os-line" data-testid={`order-summary-${order.id}`}>
      {order.lines.map((l, i) => {
        const left = unitsLeft(l);
        return (
          <Fragment key={l.id}>
            {i > 0 && '、'}
            {left === 0 ? (
              <span data-testid="order-summary-off">
                <s>{l.productName} ×{l.qty}</s>
                <span className="os-off">{t(off === 'refunded' ? 'shop.lineRefunded' : 'shop.lineDropped')}</span>
              </span>
            ) : (
              <span data-testid="order-summary-line" data-left={left}>
                {l.productName} ×{left}
                {l.refundedQty > 0 && <span className="os-off">{t(off === 'refunded' ? 'shop.refundedQty' : 'shop.droppedQty', { n: l.refundedQty })}</span>}
              </span>
            )}
          </Fragment>
        );
      })}
    </span>
  );
}
