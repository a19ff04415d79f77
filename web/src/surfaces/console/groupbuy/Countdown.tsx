import { useEffect, useState } from 'react';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2天 03:04:05" until `to`; "" once it has passed */
export function remaining(to: string, now: number, dayWord: string): string {
  const ms = new Date(to).getTime() - now;
  if (ms <= 0) return '';
  const s = Math.floor(ms / 1000);
  const d = Math.floor(s / 86400);
  const hms = `${pad(Math.floor((s % 86400) / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
  return d > 0 ? `${d}${dayWord} ${hms}` : hms;
}

/** time left to the cut-off (or to the opening of a campaign not open yet) */
export function Countdown({ openAt, cutoffAt, status, testId }: { openAt: string; cutoffAt: string; status: string; testId?: string }) {
  const { t } = useTranslation();
  const now = useNow();
  const live = status === 'open' || status === 'draft';
  const opensIn = live ? remaining(openAt, now, t('campaigns.days')) : '';
  const left = live ? remaining(cutoffAt, now, t('campaigns.days')) : '';
  return (
    <Typography.Text className="num" type={left ? undefined : 'secondary'} data-testid={testId}>
      {opensIn ? t('campaigns.opensIn', { left: opensIn }) : left ? t('campaigns.cutoffIn', { left }) : t('campaigns.cutoffPassed')}
    </Typography.Text>
  );
}
