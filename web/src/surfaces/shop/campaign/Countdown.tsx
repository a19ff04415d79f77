import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

const pad = (n: number) => String(n).padStart(2, '0');

/** "1天 02:03:04" — ticks every second on its own (the page around it does not re-render). */
export function Countdown({ to, skewMs, label, onZero }: { to: string; skewMs: number; label: string; onZero?(): void }) {
  const { t } = useTranslation();
  const target = new Date(to).getTime();
  const left = () => Math.max(0, target - (Date.now() + skewMs));
  const [ms, setMs] = useState(left);
  useEffect(() => {
    setMs(left());
    const id = setInterval(() => {
      const l = left();
      setMs(l);
      if (l === 0) {
        clearInterval(id);
        onZero?.();
      }
    }, 1000);
    return () => clearInterval(id);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [target, skewMs]);
  const s = Math.floor(ms / 1000);
  const days = Math.floor(s / 86400);
  const clock = `${pad(Math.floor((s % 86400) / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
  return (
    <div className="c-countdown" data-testid="campaign-countdown" data-left-s={s}>
      <span className="c-countdown-label">{label}</span>
      {days > 0 && <span className="c-countdown-days">{t('shopGroupbuy.days', { n: days })}</span>}
      <span className="c-countdown-clock num">{clock}</span>
    </div>
  );
}
