import { App, Badge, Button, Card, Col, Descriptions, Result, Row, Space, Spin, Table, Typography } from 'antd';
import { EditOutlined, FileExcelOutlined, ReloadOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { groupbuyApi, slugOfSharePath } from '../../../api/groupbuy.js';
import type { CampaignItemView, CampaignView } from '../../../api/types.js';
import { useLang } from '../../../i18n/index.js';
import { useNotify } from '../../../lib/antd/notify.js';
import { formatFen } from '../../../lib/money.js';
import { testId } from '../../../lib/test-id.js';
import { formatClock, formatTime } from '../../../lib/time.js';
import { useApi } from '../../../lib/use-api.js';
import { PageHeader } from '../PageHeader.js';
import { ProgressCell, StatusTag, editable, soldOf } from './campaign-meta.js';
import { Countdown } from './Countdown.js';
import { SharePanel } from './SharePanel.js';
import { useCampaignLive } from './use-campaign-live.js';
import './groupbuy.css';

/** 团购详情: live 接龙 list and progress, close early, cancel (everyone refunded), share. */
export function CampaignDetailPage() {
  const { id = '' } = useParams();
  const c = useApi((s) => groupbuyApi.campaign(id, s), [id]);
  if (c.error && !c.data) return <Result status="warning" title={c.error.message} />;
  if (!c.data) return <Spin style={{ display: 'block', margin: 48 }} />;
  return <Detail c={c.data} reload={() => void c.reload()} setData={c.setData} />;
}

function Detail({ c, reload, setData }: { c: CampaignView; reload(): void; setData(c: CampaignView): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const nav = useNavigate();
  const notify = useNotify();
  const { modal } = App.useApp();
  const live = useCampaignLive(c.id, slugOfSharePath(c.sharePath), reload);
  const sold = soldOf(c);
  const buyers = live.buyers ?? c.progress.buyers;

  const act = (kind: 'close' | 'cancel') =>
    modal.confirm({
      title: t(`campaigns.${kind}Confirm`),
      content: t(`campaigns.${kind}ConfirmText`, { n: buyers }),
      okText: t(`campaigns.${kind}`),
      okButtonProps: { danger: kind === 'cancel', ...testId(`campaign-${kind}-confirm`) },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          setData(kind === 'close' ? await groupbuyApi.close(c.id) : await groupbuyApi.cancel(c.id));
          notify.success(t(`campaigns.${kind}Done`));
        } catch (e) {
          notify.error(e);
        }
      },
    });

  return (
    <>
      <PageHeader
        title={c.title}
        sub={c.description || undefined}
        extra={
          <Space wrap>
            <StatusTag status={c.status} testId="campaign-status" />
            <Button icon={<ReloadOutlined />} onClick={() => { reload(); void live.reload(); }}>{t('common.refresh')}</Button>
            {editable(c) && <Button icon={<EditOutlined />} onClick={() => nav(`/console/campaigns/${c.id}/edit`)} data-testid="campaign-edit">{t('common.edit')}</Button>}
            {(c.status === 'formed' || c.status === 'closed') && (
              <Button icon={<FileExcelOutlined />} onClick={() => nav(`/console/purchase-orders?campaignId=${c.id}`)} data-testid="campaign-pos">{t('campaigns.purchaseOrders')}</Button>
            )}
            {c.status === 'open' && <Button onClick={() => act('close')} data-testid="campaign-close">{t('campaigns.close')}</Button>}
            {(c.status === 'draft' || c.status === 'open' || c.status === 'closed') && (
              <Button danger onClick={() => act('cancel')} data-testid="campaign-cancel">{t('campaigns.cancel')}</Button>
            )}
          </Space>
        }
      />
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label={t('campaigns.openAt')}><span className="num">{formatTime(c.openAt, lang)}</span></Descriptions.Item>
              <Descriptions.Item label={t('campaigns.cutoff')}>
                <Space><span className="num">{formatTime(c.cutoffAt, lang)}</span><Countdown openAt={c.openAt} cutoffAt={c.cutoffAt} status={c.status} testId="campaign-countdown" /></Space>
              </Descriptions.Item>
              <Descriptions.Item label={t('campaigns.pickupDate')}><span className="num">{c.pickupDate}</span></Descriptions.Item>
              <Descriptions.Item label={t('campaigns.joined')}>
                <span className="num" data-testid="campaign-buyers">{t('campaigns.buyersQty', { buyers, qty: c.progress.qty })}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('campaigns.progress')}><ProgressCell c={c} liveBuyers={live.buyers} testId="campaign-progress" /></Descriptions.Item>
              <Descriptions.Item label={t('campaigns.soldCap')}>
                <span className="num" data-testid="campaign-sold">{sold.sold} / {sold.cap ?? t('campaigns.noCap')}</span>
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <ItemsTable items={c.items} />
          {c.slots.length > 0 && (
            <Table size="small" rowKey="id" pagination={false} dataSource={c.slots} style={{ marginBottom: 16 }} title={() => t('campaigns.slotsView')}
              columns={[
                { title: t('campaigns.slotLabel'), dataIndex: 'label' },
                { title: t('campaigns.slotBooked'), width: 140, align: 'right', render: (_, s) => <span className="num">{s.booked} / {s.capacity}</span> },
              ]} />
          )}
        </Col>
        <Col xs={24} xl={9}>
          <Card size="small" style={{ marginBottom: 16 }}
            title={<Space>{t('campaigns.entries')}<Badge status={live.online ? 'processing' : 'default'} text={live.online ? t('campaigns.live') : t('campaigns.offline')} /></Space>}
            extra={<Typography.Text type="secondary" data-testid="campaign-entry-count">{t('campaigns.entryCount', { n: live.entries.length })}</Typography.Text>}>
            {live.entries.length === 0 ? (
              <Typography.Text type="secondary">{t('campaigns.noEntries')}</Typography.Text>
            ) : (
              <ol className="gb-entries" data-testid="campaign-entries">
                {live.entries.map((e) => (
                  <li key={e.seq} className={e.fresh ? 'fresh' : undefined} data-testid={`campaign-entry-${e.seq}`}>
                    <span className="seq">{e.seq}.</span>
                    <span className="who">{e.who}</span>
                    <span>{e.summary}</span>
                    <span className="at num">{formatClock(e.at, lang)}</span>
                  </li>
                ))}
              </ol>
            )}
          </Card>
          <SharePanel c={c} />
        </Col>
      </Row>
    </>
  );
}

function ItemsTable({ items }: { items: CampaignItemView[] }) {
  const { t } = useTranslation();
  return (
    <Table<CampaignItemView> size="small" rowKey="id" pagination={false} dataSource={items} style={{ marginBottom: 16 }} title={() => t('campaigns.items')}
      columns={[
        {
          title: t('campaigns.product'),
          render: (_, i) => (
            <div className="product-cell">
              {i.imageUrl ? <img src={i.imageUrl} alt="" className="product-thumb" style={{ width: 36, height: 36 }} /> : null}
              <span>{i.productName} <Typography.Text type="secondary">{i.spec}</Typography.Text></span>
            </div>
          ),
        },
        {
          title: t('campaigns.price'),
          width: 150,
          render: (_, i) => (
            <>
              <span className="num">{formatFen(i.currentPriceFen)}</span>
              {i.currentPriceFen !== i.priceFen && <Typography.Text delete type="secondary" style={{ marginLeft: 6 }}>{formatFen(i.priceFen)}</Typography.Text>}
              {i.tiers.length > 0 && (
                <div style={{ fontSize: 12, color: '#8c8c8c' }}>
                  {i.tiers.map((x) => t('campaigns.tierLine', { qty: x.minQty, price: formatFen(x.priceFen) })).join('；')}
                </div>
              )}
            </>
          ),
        },
        { title: t('campaigns.perPersonCap'), width: 90, align: 'right', render: (_, i) => i.perPersonCap ?? t('campaigns.noCap') },
        {
          title: t('campaigns.soldCap'),
          width: 110,
          align: 'right',
          render: (_, i) => <span className="num" data-testid={`campaign-item-sold-${i.id}`}>{i.sold} / {i.totalCap ?? t('campaigns.noCap')}</span>,
        },
      ]} />
  );
}
