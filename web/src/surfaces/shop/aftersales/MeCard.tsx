import { useMemo } from 'react';
import { RightOutline } from 'antd-mobile-icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { shopAfterSalesApi } from '../../../api/shop-aftersales.js';
import { formatFen } from '../../../lib/money.js';
import { useApi } from '../../../lib/use-api.js';
import { useShop } from '../shop-context.js';
import './aftersales.css';

/** On 我的订单: the store credit balance (店铺余额) and the way to my after-sales tickets. */
export function MeCard() {
  const { t } = useTranslation();
  const { slug, me, href } = useShop();
  const nav = useNavigate();
  const as = useMemo(() => shopAfterSalesApi(slug), [slug]);
  const credit = useApi(me ? (signal) => as.credit(signal) : null, [as, me?.customerId]);
  if (!me) return null;
  return (
    <div className="m-card">
      {credit.data && (
        <div className="credit-card" data-testid="store-credit">
          <div>
            <div style={{ fontWeight: 600 }}>{t('shopCredit.balance')}</div>
            <div className="m-muted">{t('shopCredit.hint')}</div>
          </div>
          <span className="credit-amount" data-testid="store-credit-balance" data-fen={credit.data.balanceFen}>{formatFen(credit.data.balanceFen)}</span>
        </div>
      )}
      <button type="button" className="me-link" style={credit.data ? undefined : { borderTop: 0, marginTop: 0 }} onClick={() => nav(href('/after-sales'))}
        data-testid="aftersales-mine">
        <span>{t('shopCredit.afterSales')}</span>
        <RightOutline />
      </button>
    </div>
  );
}
