import { useTranslation } from 'react-i18next';
import type { PublicSlotView } from '../../../api/shop-groupbuy.js';

export type JoinPayMethod = 'sandbox' | 'pay_at_pickup';

/** 提货时段: each slot with the places left; a full one cannot be picked. */
export function SlotPicker({ slots, value, onChange }: { slots: PublicSlotView[]; value: string | null; onChange(id: string): void }) {
  const { t } = useTranslation();
  if (slots.length === 0) return null;
  return (
    <div className="m-card">
      <div className="c-section-title">{t('shopGroupbuy.pickSlot')}</div>
      <div className="c-choices">
        {slots.map((s, index) => {
          const left = Math.max(0, s.capacity - s.booked);
          return (
            <button type="button" key={s.id} className={`c-choice${value === s.id ? ' on' : ''}`} disabled={left === 0}
              aria-pressed={value === s.id} onClick={() => onChange(s.id)} data-testid={`campaign-slot-${index}`} data-left={left}>
              <span className="c-choice-main">{s.label}</span>
              <span className="c-choice-sub">{left === 0 ? t('shopGroupbuy.slotFull') : t('shopGroupbuy.slotLeft', { n: left })}</span>
            </button>
          );
        })}
      </div>
    </div>
  );
}

/** 支付方式: the sandbox wallet now, or pay at the counter on pickup. */
export function PayChoice({ value, onChange }: { value: JoinPayMethod; onChange(m: JoinPayMethod): void }) {
  const { t } = useTranslation();
  const option = (m: JoinPayMethod, testId: string, hint: string) => (
    <button type="button" className={`c-choice${value === m ? ' on' : ''}`} aria-pressed={value === m} onClick={() => onChange(m)} data-testid={testId}>
      <span className="c-choice-main">{t(`order.payment.${m}`)}</span>
      <span className="c-choice-sub">{hint}</span>
    </button>
  );
  return (
    <div className="m-card">
      <div className="c-section-title">{t('shop.payMethod')}</div>
      <div className="c-choices">
        {option('sandbox', 'campaign-pay-sandbox', t('shop.sandboxHint'))}
        {option('pay_at_pickup', 'campaign-pay-at-pickup', t('shopGroupbuy.payAtPickupHint'))}
      </div>
    </div>
  );
}
