import { Card, Descriptions, Empty, Space, Tag, Typography } from 'antd';
import { WifiOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { LiveStatus } from '../../../api/live.js';

type Stream = LiveStatus['streams'][number];

export const STATE_COLOR = { idle: 'default', starting: 'gold', publishing: 'green', reconnecting: 'orange' } as const;

/** one pushed stream: state, codec, resolution, bitrate */
export function StreamLine({ s }: { s: Stream }) {
  const { t } = useTranslation();
  return (
    <Space wrap data-testid="console-live-stream-status" data-state={s.state}>
      <Tag color={STATE_COLOR[s.state]}>{t(`live.console.streamState.${s.state}`)}</Tag>
      <Typography.Text>{s.label || s.hostName}</Typography.Text>
      {s.video && <Typography.Text type="secondary">{s.video.codec} {s.video.width}×{s.video.height} {Math.round(s.video.fps)}fps</Typography.Text>}
      {s.state === 'publishing' && <Typography.Text type="secondary">{s.bitrateKbps} kbps</Typography.Text>}
      {s.hls && <Tag>HLS</Tag>}
      {s.recording && <Tag color="red">REC</Tag>}
    </Space>
  );
}

/** where to push, whether ffmpeg is there, what is being pushed right now */
export function StreamStatusCard({ status }: { status: LiveStatus | undefined }) {
  const { t } = useTranslation();
  return (
    <Card title={<Space><WifiOutlined />{t('live.console.ingest')}</Space>}>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('live.console.obsServer')}>
          {status?.rtmpServer ? <Typography.Text code copyable>{status.rtmpServer}</Typography.Text> : <Typography.Text type="warning">{t('live.console.rtmpOff')}</Typography.Text>}
        </Descriptions.Item>
        <Descriptions.Item label="ffmpeg">{status?.ffmpeg ? <Tag color="green">{t('live.console.ffmpegOn')}</Tag> : <Tag>{t('live.console.ffmpegOff')}</Tag>}</Descriptions.Item>
      </Descriptions>
      {status?.streams.length ? (
        <Space orientation="vertical">{status.streams.map((s) => <StreamLine key={s.streamKeyId} s={s} />)}</Space>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('live.console.noStream')} />
      )}
    </Card>
  );
}
