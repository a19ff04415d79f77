import { useState, type HTMLAttributes } from 'react';
import { Button, Select, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { groupbuyApi } from '../../../api/groupbuy.js';
import type { PoStatus, PurchaseOrderSummary } from '../../../api/types.js';
import { useLang } from '../../../i18n/index.js';
import { formatTime } from '../../../lib/time.js';
import { useApi } from '../../../lib/use-api.js';
import { PageHeader } from '../PageHeader.js';
import { PoDrawer } from './PoDrawer.js';
import { PO_COLOR, PO_STATUSES, printPage } from './po-meta.js';

/** 采购单: per campaign and supplier, made at the cut-off of a formed campaign (以销定采). */
export function PurchaseOrdersPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const [params, setParams] = useSearchParams();
  const campaignId = params.get('campaignId') ?? undefined;
  const [status, setStatus] = useState<PoStatus>();
  const [openId, setOpenId] = useState<string | null>(null);
  const campaigns = useApi((s) => groupbuyApi.campaigns(s), []);
  const list = useApi((s) => groupbuyApi.purchaseOrders({ campaignId, status }, s), [campaignId, status]);
  const titles = new Map((campaigns.data ?? []).map((c) => [c.id, c.title]));

  return (
    <>
      <PageHeader
        title={t('pos.title')}
        sub={t('pos.sub')}
        extra={
          <Space>
            <Button icon={<ReloadOutlined />} onClick={() => void list.reload()}>{t('common.refresh')}</Button>
            {campaignId && (list.data?.length ?? 0) > 0 && (
              <Button type="primary" icon={<DownloadOutlined />} href={groupbuyApi.campaignXlsxUrl(campaignId)} download data-testid="po-download-campaign">
                {t('pos.downloadCampaign')}
              </Button>
            )}
          </Space>
        }
      />
      <div className="toolbar">
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('pos.campaign')} style={{ width: 280 }} value={campaignId} data-testid="po-filter-campaign"
          onChange={(v?: string) => setParams(v ? { campaignId: v } : {})}
          options={(campaigns.data ?? []).map((c) => ({ value: c.id, label: c.title }))} />
        <Select allowClear placeholder={t('pos.status')} style={{ width: 150 }} value={status} onChange={setStatus}
          options={PO_STATUSES.map((s) => ({ value: s, label: t(`pos.statuses.${s}`) }))} />
      </div>
      <Table<PurchaseOrderSummary>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data ?? []}
        locale={{ emptyText: list.error ? list.error.message : t('pos.empty') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        onRow={(p, i) => ({ 'data-testid': `po-row-${i}`, 'data-po-id': p.id }) as HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('pos.number'), width: 170, render: (_, p) => <Typography.Text code>{p.number}</Typography.Text> },
          { title: t('pos.campaign'), ellipsis: true, render: (_, p) => titles.get(p.campaignId) ?? '—' },
          { title: t('pos.supplier'), width: 150, render: (_, p) => p.supplierName || t('pos.noSupplier') },
          { title: t('pos.status'), width: 110, render: (_, p) => <Tag color={PO_COLOR[p.status]} data-testid={`po-status-${p.id}`}>{t(`pos.statuses.${p.status}`)}</Tag> },
          {
            title: t('pos.qty'),
            width: 130,
            align: 'right',
            render: (_, p) => <span className="num">{t('pos.qtyCell', { lines: p.lineCount, ordered: p.orderedQty, received: p.receivedQty })}</span>,
          },
          { title: t('pos.createdAt'), width: 150, render: (_, p) => <span className="num">{formatTime(p.createdAt, lang)}</span> },
          {
            title: t('common.actions'),
            width: 210,
            render: (_, p, i) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setOpenId(p.id)} data-testid={`po-open-${i}`}>{t('pos.openReceive')}</Button>
                <Button type="link" size="small" icon={<DownloadOutlined />} href={groupbuyApi.poXlsxUrl(p.id)} download data-testid={`po-download-${i}`}>xlsx</Button>
                <Button type="link" size="small" icon={<PrinterOutlined />} onClick={() => printPage(groupbuyApi.poPrintUrl(p.id))} data-testid={`po-print-${i}`}>
                  {t('pos.print')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {openId && <PoDrawer id={openId} campaignTitle={(cid) => titles.get(cid)} onClose={() => setOpenId(null)} onChanged={() => void list.reload()} />}
    </>
  );
}
