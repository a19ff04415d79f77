import { lazy, Suspense } from 'react';
import { Card, Space, Typography } from 'antd';
import { VideoCameraOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { LiveStatus } from '../../../api/live.js';
import { StreamLine } from './StreamStatusCard.js';

// the live room's player, in its own chunk: the console loads it only when a show page opens
const LivePlayer = lazy(() => import('../../live/player/LivePlayer.js'));

/** What viewers see (HTTP-FLV, muted) and what is being pushed. */
export function PreviewCard({ showId, stream }: { showId: string; stream: LiveStatus['streams'][number] | undefined }) {
  const { t } = useTranslation();
  const onAir = stream?.state === 'publishing';
  return (
    <Card size="small" title={<Space><VideoCameraOutlined />{t('live.console.preview')}</Space>}>
      <div className="lc-preview" data-testid="console-live-preview">
        {onAir ? (
          <Suspense fallback={null}>
            <LivePlayer flvUrl={`/media/shows/${showId}.flv`} hlsUrl={stream.hls ? `/media/shows/${showId}/index.m3u8` : null} />
          </Suspense>
        ) : (
          <span>{t('live.console.notOnAir')}</span>
        )}
      </div>
      <div style={{ marginTop: 8 }}>
        {stream ? <StreamLine s={stream} /> : <Typography.Text type="secondary" data-testid="console-live-stream-status" data-state="idle">{t('live.console.noStream')}</Typography.Text>}
      </div>
    </Card>
  );
}
