import { Progress, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CampaignStatus, CampaignView } from '../../../api/types.js';

export const CAMPAIGN_STATUSES: CampaignStatus[] = ['draft', 'open', 'closed', 'formed', 'failed', 'cancelled'];

export const CAMPAIGN_COLOR: Record<CampaignStatus, string> = {
  draft: 'default',
  open: 'green',
  closed: 'orange',
  formed: 'blue',
  failed: 'red',
  cancelled: 'default',
};

/** edits are allowed while a campaign is draft or open (the server enforces it) */
export const editable = (c: Pick<CampaignView, 'status'>) => c.status === 'draft' || c.status === 'open';

export function StatusTag({ status, testId }: { status: CampaignStatus; testId?: string }) {
  const { t } = useTranslation();
  return <Tag color={CAMPAIGN_COLOR[status]} data-testid={testId}>{t(`campaigns.status.${status}`)}</Tag>;
}

/** 成团 progress: buyers or quantity against the minimum (`joined` overrides buyers when live) */
export function progressOf(c: Pick<CampaignView, 'progress'>, liveBuyers?: number) {
  const p = c.progress;
  const value = p.minKind === 'buyers' ? (liveBuyers ?? p.buyers) : p.qty;
  const percent = p.minValue > 0 ? Math.min(100, Math.round((value / p.minValue) * 100)) : 100;
  return { value, goal: p.minValue, percent, reached: p.minValue === 0 || value >= p.minValue };
}

/** units sold over all items, and the total cap (null when some item has none) */
export function soldOf(c: Pick<CampaignView, 'items'>): { sold: number; cap: number | null } {
  const sold = c.items.reduce((s, i) => s + i.sold, 0);
  const cap = c.items.every((i) => i.totalCap !== null) ? c.items.reduce((s, i) => s + (i.totalCap ?? 0), 0) : null;
  return { sold, cap };
}

export function ProgressCell({ c, liveBuyers, testId }: { c: CampaignView; liveBuyers?: number; testId?: string }) {
  const { t } = useTranslation();
  const p = progressOf(c, liveBuyers);
  const unit = t(`campaigns.minUnit.${c.progress.minKind}`);
  return (
    <div style={{ minWidth: 140 }} data-testid={testId}>
      <Progress percent={p.percent} size="small" status={p.reached ? 'success' : 'active'} showInfo={false} />
      <Typography.Text className="num" style={{ fontSize: 12 }}>
        {p.goal > 0 ? t('campaigns.progressOf', { value: p.value, goal: p.goal, unit }) : t('campaigns.progressNoMin', { value: p.value, unit })}
        {p.reached && p.goal > 0 ? ` · ${t('campaigns.reached')}` : ''}
      </Typography.Text>
    </div>
  );
}
