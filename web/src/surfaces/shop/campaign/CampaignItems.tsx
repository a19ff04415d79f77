import { useTranslation } from 'react-i18next';
import type { PublicItemView } from '../../../api/shop-groupbuy.js';
import { Price } from '../Price.js';
import { QtyStepper } from './QtyStepper.js';
import { maxFor } from './join-caps.js';

function Tiers({ item }: { item: PublicItemView }) {
  const { t } = useTranslation();
  if (item.tiers.length === 0) return null;
  const reached = item.tiers.filter((x) => item.sold >= x.minQty).pop();
  const next = item.tiers.find((x) => item.sold < x.minQty);
  return (
    <div className="c-tiers">
      <span className={`c-tier${!reached ? ' on' : ''}`}>{t('shopGroupbuy.tierBase')} <Price fen={item.priceFen} size={12} /></span>
      {item.tiers.map((x) => (
        <span key={x.minQty} className={`c-tier${reached === x ? ' on' : ''}`} data-testid="campaign-tier">
          {t('shopGroupbuy.tierAt', { n: x.minQty })} <Price fen={x.priceFen} size={12} />
        </span>
      ))}
      {next && <div className="c-tier-next">{t('shopGroupbuy.tierNext', { n: next.minQty - item.sold })}</div>}
    </div>
  );
}

/** The campaign's products: price now (ladder tier reached), caps, what is left, and the quantity to join with. */
export function CampaignItems({ items, qty, mine, canJoin, onQty }: {
  items: PublicItemView[];
  qty: Record<string, number>;
  /** what I already hold in this campaign, per item */
  mine: Record<string, number>;
  canJoin: boolean;
  onQty(itemId: string, n: number): void;
}) {
  const { t } = useTranslation();
  return (
    <div className="m-card c-items">
      {items.map((i, index) => {
        const max = maxFor(i, mine[i.id] ?? 0);
        const soldOut = i.remaining !== null && i.remaining <= 0;
        return (
          <div className="c-item" key={i.id} data-testid={`campaign-item-${index}`}>
            {i.imageUrl ? <img className="p-img" src={i.imageUrl} alt="" loading="lazy" /> : <div className="p-img p-img-empty c-img-empty">{i.productName.slice(0, 1)}</div>}
            <div className="p-body">
              <div className="p-name">{i.productName}</div>
              <div className="p-spec">{i.spec}</div>
              <div className="c-price-row">
                <Price fen={i.currentPriceFen} size={20} />
                <span className="p-unit">/{i.unit}</span>
                {i.currentPriceFen < i.priceFen && <s className="m-muted"><Price fen={i.priceFen} size={12} /></s>}
              </div>
              <Tiers item={i} />
              <div className="c-caps m-muted">
                {i.totalCap !== null && <span data-testid={`campaign-remaining-${index}`}>{t('shopGroupbuy.remaining', { n: i.remaining ?? 0, cap: i.totalCap })}</span>}
                {i.perPersonCap !== null && <span>{t('shopGroupbuy.perPerson', { n: i.perPersonCap })}</span>}
                {(mine[i.id] ?? 0) > 0 && <span>{t('shopGroupbuy.youHave', { n: mine[i.id] })}</span>}
              </div>
              {canJoin && (
                <div className="c-item-foot">
                  {soldOut ? <span className="c-soldout">{t('shopGroupbuy.soldOut')}</span>
                    : max === 0 ? <span className="m-muted">{t('shopGroupbuy.capReached')}</span>
                    : <span />}
                  <QtyStepper value={Math.min(qty[i.id] ?? 0, max)} max={max} disabled={max === 0} onChange={(n) => onQty(i.id, n)} />
                </div>
              )}
            </div>
          </div>
        );
      })}
    </div>
  );
}
