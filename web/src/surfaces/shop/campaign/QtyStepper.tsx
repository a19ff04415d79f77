import { useTranslation } from 'react-i18next';

/** A − n + stepper with 40 px touch targets (antd-mobile's is too small for thumbs and has no test ids). */
export function QtyStepper({ value, max, onChange, disabled }: { value: number; max: number; onChange(n: number): void; disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="c-stepper" data-testid="campaign-join-qty" data-value={value} data-max={max}>
      <button type="button" className="c-step" aria-label={t('shopGroupbuy.less')} disabled={disabled || value <= 0}
        onClick={() => onChange(Math.max(0, value - 1))} data-testid="campaign-join-qty-minus">−</button>
      <span className="c-step-value num">{value}</span>
      <button type="button" className="c-step plus" aria-label={t('shopGroupbuy.more')} disabled={disabled || value >= max}
        onClick={() => onChange(Math.min(max, value + 1))} data-testid="campaign-join-qty-plus">+</button>
    </div>
  );
}
