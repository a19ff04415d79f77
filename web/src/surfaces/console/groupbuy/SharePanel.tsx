import { useState } from 'react';
import { Button, Card, Image, Input, Space, Typography } from 'antd';
import { CopyOutlined, DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { groupbuyApi, shareUrl } from '../../../api/groupbuy.js';
import type { CampaignView } from '../../../api/types.js';
import { useNotify } from '../../../lib/antd/notify.js';

async function copy(text: string, input: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // no clipboard API (plain http on a LAN address): select the text and use the old command
    input?.select();
    return document.execCommand('copy');
  }
}

/** 分享: the absolute link a neighbour forwards into the WeChat group, and the poster PNG. */
export function SharePanel({ c }: { c: CampaignView }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [posterFailed, setPosterFailed] = useState(false);
  const url = shareUrl(c.sharePath);
  const poster = `${groupbuyApi.posterUrl(c.id)}?v=${encodeURIComponent(c.updatedAt)}`;
  const isDraft = c.status === 'draft';

  return (
    <Card size="small" title={t('campaigns.share')} style={{ marginBottom: 16 }}>
      {isDraft && <Typography.Paragraph type="warning">{t('campaigns.shareDraft')}</Typography.Paragraph>}
      <Space.Compact style={{ width: '100%', marginBottom: 12 }}>
        <Input readOnly value={url} id={`share-${c.id}`} data-testid="campaign-share-url" onFocus={(e) => e.target.select()} />
        <Button icon={<CopyOutlined />} data-testid="campaign-share-link"
          onClick={async () => {
            const ok = await copy(url, document.getElementById(`share-${c.id}`) as HTMLInputElement | null);
            if (ok) notify.success(t('campaigns.copied'));
            else notify.error(new Error(t('campaigns.copyFailed')));
          }}>
          {t('campaigns.copyLink')}
        </Button>
      </Space.Compact>
      <Space align="start">
        {posterFailed ? (
          <Typography.Text type="secondary" data-testid="campaign-poster-missing">{t('campaigns.posterUnavailable')}</Typography.Text>
        ) : (
          <Image src={poster} className="gb-poster" width={180} height={320} placeholder alt={t('campaigns.poster')} onError={() => setPosterFailed(true)} data-testid="campaign-poster" />
        )}
        <Space orientation="vertical">
          <Typography.Text type="secondary">{t('campaigns.posterHint')}</Typography.Text>
          <Button icon={<DownloadOutlined />} href={groupbuyApi.posterUrl(c.id)} download={`${c.title}.png`} disabled={posterFailed}
            data-testid="campaign-poster-download">
            {t('campaigns.downloadPoster')}
          </Button>
        </Space>
      </Space>
    </Card>
  );
}
