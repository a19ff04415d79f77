import { Alert, Button, Col, Row, Space, Tag } from 'antd';
import { ArrowLeftOutlined, ExportOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { StaffMe } from '../../../api/types.js';
import { PageHeader } from '../PageHeader.js';
import { ChatModeration } from './ChatModeration.js';
import { FlashSaleControl } from './FlashSaleControl.js';
import { GiftControl } from './GiftControl.js';
import { LiveFigures } from './LiveFigures.js';
import { PinControl } from './PinControl.js';
import { PreviewCard } from './PreviewCard.js';
import { RoomSettingsCard } from './RoomSettingsCard.js';
import { SHOW_COLOR } from './ShowsCard.js';
import { ShowStatsCard } from './ShowStatsCard.js';
import { useShowControl } from './use-show-control.js';
import './live-console.css';

/** /console/live/shows/:id — the host's control room for one show. */
export function ShowControlPage({ me }: { me: StaffMe }) {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const nav = useNavigate();
  const c = useShowControl(id);
  const status = c.room?.status ?? c.show?.status;
  const sharePath = c.room?.settings.sharePath ?? `/live/${me.store.slug}/${id}`;

  return (
    <>
      <PageHeader
        title={c.show?.title ?? t('live.console.title')}
        sub={t('live.console.controlSub')}
        extra={
          <Space>
            {status && <Tag color={SHOW_COLOR[status]} data-testid="console-live-show-status">{t(`live.room.status.${status}`)}</Tag>}
            {!c.online && <Tag color="orange">{t('live.console.realtimeOffline')}</Tag>}
            <Button icon={<ExportOutlined />} href={sharePath} target="_blank">{t('live.console.openRoom')}</Button>
            <Button icon={<ArrowLeftOutlined />} onClick={() => nav('/console/live')}>{t('live.console.back')}</Button>
          </Space>
        }
      />
      {c.error && <Alert type="error" showIcon title={c.error.message} style={{ marginBottom: 16 }} />}
      <Row gutter={[16, 16]}>
        <Col xs={24}><LiveFigures c={c} /></Col>
        <Col xs={24} xl={10}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <PreviewCard showId={id} stream={c.stream} />
            <PinControl showId={id} room={c.room} onChange={c.refresh} />
          </Space>
        </Col>
        <Col xs={24} xl={14}><ChatModeration showId={id} room={c.room} onChange={c.refresh} /></Col>
        <Col xs={24}><FlashSaleControl showId={id} flash={c.flash} onChange={c.refresh} /></Col>
        <Col xs={24}><GiftControl showId={id} room={c.room} onChange={c.refresh} /></Col>
        <Col xs={24} xl={10}><RoomSettingsCard showId={id} settings={c.room?.settings} onChange={c.refresh} /></Col>
        <Col xs={24} xl={14}><ShowStatsCard showId={id} version={[status, c.sales?.orders, c.sales?.vouchers.dropped, c.sales?.vouchers.claimed, c.sales?.vouchers.redeemed].join(':')} /></Col>
      </Row>
    </>
  );
}
