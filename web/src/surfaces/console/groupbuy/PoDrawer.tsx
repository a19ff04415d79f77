import { useState } from 'react';
import { Alert, App, Button, Descriptions, Drawer, InputNumber, Space, Spin, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { groupbuyApi } from '../../../api/groupbuy.js';
import type { PoLineView, PurchaseOrderView, ReceiptView } from '../../../api/types.js';
import { useLang } from '../../../i18n/index.js';
import { useActionKey } from '../../../lib/action-key.js';
import { useNotify } from '../../../lib/antd/notify.js';
import { testId } from '../../../lib/test-id.js';
import { formatTime } from '../../../lib/time.js';
import { useApi } from '../../../lib/use-api.js';
import { AllocationResult } from './AllocationResult.js';
import { PO_COLOR, printPage } from './po-meta.js';

interface Props {
  id: string;
  campaignTitle(campaignId: string): string | undefined;
  onClose(): void;
  onChanged(): void;
}

/** One 采购单: its lines, send / close, and 收货 (what arrived per line; shortages highlighted). */
export function PoDrawer({ id, campaignTitle, onClose, onChanged }: Props) {
  const { t } = useTranslation();
  const po = useApi((s) => groupbuyApi.purchaseOrder(id, s), [id]);
  return (
    <Drawer open size={980} onClose={onClose} destroyOnHidden title={po.data ? t('pos.drawerTitle', { number: po.data.number }) : t('pos.title')}>
      {po.error && <Alert type="error" title={po.error.message} />}
      {!po.data ? <Spin /> : <PoBody po={po.data} campaignTitle={campaignTitle(po.data.campaignId)} setPo={(p) => { po.setData(p); onChanged(); }} />}
    </Drawer>
  );
}

type Qty = Record<string, number | null>;
const left = (l: PoLineView) => Math.max(0, l.orderedQty - l.receivedQty);

function PoBody({ po, campaignTitle, setPo }: { po: PurchaseOrderView; campaignTitle?: string; setPo(p: PurchaseOrderView): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const notify = useNotify();
  const { modal } = App.useApp();
  const [qty, setQty] = useState<Qty>(() => Object.fromEntries(po.lines.map((l) => [l.id, left(l)])));
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ReceiptView | null>(null);
  const key = useActionKey([po.id, qty]);
  const canReceive = po.status !== 'closed';
  const after = (l: PoLineView) => l.receivedQty + (qty[l.id] ?? 0);
  const short = po.lines.filter((l) => after(l) < l.demandQty);

  const receive = async () => {
    const lines = po.lines.filter((l) => qty[l.id] != null).map((l) => ({ poLineId: l.id, receivedQty: qty[l.id]! }));
    if (!lines.length) return;
    setBusy(true);
    const k = key.get();
    try {
      const r = await groupbuyApi.receive(po.id, { lines }, k);
      key.settle();
      setResult(r);
      setPo(r.purchaseOrder);
      setQty(Object.fromEntries(r.purchaseOrder.lines.map((l) => [l.id, left(l)])));
      notify.success(t('pos.received'));
    } catch (e) {
      key.settle(e);
      notify.error(e);
    } finally {
      setBusy(false);
    }
  };

  const simple = (kind: 'send' | 'close') =>
    modal.confirm({
      title: t(`pos.${kind}Confirm`),
      okText: t(`pos.${kind}`),
      cancelText: t('common.cancel'),
      okButtonProps: { ...testId(`po-${kind}-confirm`) },
      onOk: async () => {
        try {
          setPo(kind === 'send' ? await groupbuyApi.sendPo(po.id) : await groupbuyApi.closePo(po.id));
        } catch (e) {
          notify.error(e);
        }
      },
    });

  return (
    <>
      <Descriptions size="small" column={3} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('pos.campaign')}>{campaignTitle ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('pos.supplier')}>{po.supplierName || t('pos.noSupplier')}</Descriptions.Item>
        <Descriptions.Item label={t('pos.status')}><Tag color={PO_COLOR[po.status]} data-testid="po-status">{t(`pos.statuses.${po.status}`)}</Tag></Descriptions.Item>
        <Descriptions.Item label={t('pos.buffer')}>{po.lossBufferPct}%</Descriptions.Item>
        <Descriptions.Item label={t('pos.createdAt')}>{formatTime(po.createdAt, lang)}</Descriptions.Item>
        <Descriptions.Item label={t('pos.sentAt')}>{formatTime(po.sentAt, lang)}</Descriptions.Item>
      </Descriptions>
      <Space style={{ marginBottom: 12 }} wrap>
        <Button icon={<DownloadOutlined />} href={groupbuyApi.poXlsxUrl(po.id)} download data-testid="po-download">{t('pos.download')}</Button>
        <Button icon={<PrinterOutlined />} onClick={() => printPage(groupbuyApi.poPrintUrl(po.id))} data-testid="po-print">{t('pos.print')}</Button>
        {po.status === 'draft' && <Button type="primary" onClick={() => simple('send')} data-testid="po-send">{t('pos.send')}</Button>}
        {po.status !== 'closed' && po.status !== 'draft' && <Button onClick={() => simple('close')} data-testid="po-close">{t('pos.close')}</Button>}
      </Space>
      <Table<PoLineView>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={po.lines}
        rowClassName={(l) => (!canReceive ? '' : after(l) < l.demandQty ? 'gb-short' : after(l) < l.orderedQty ? 'gb-under' : '')}
        columns={[
          { title: t('pos.product'), render: (_, l) => <>{l.productName} <Typography.Text type="secondary">{l.spec}</Typography.Text></> },
          { title: t('pos.demand'), width: 70, align: 'right', render: (_, l) => <span className="num">{l.demandQty}</span> },
          { title: t('pos.bufferQty'), width: 70, align: 'right', render: (_, l) => <span className="num">{l.bufferQty}</span> },
          { title: t('pos.cases'), width: 90, align: 'right', render: (_, l) => <span className="num">{l.cases} × {l.casePack}</span> },
          { title: t('pos.ordered'), width: 80, align: 'right', render: (_, l) => <span className="num" data-testid={`po-ordered-${l.id}`}>{l.orderedQty} {l.unit}</span> },
          { title: t('pos.receivedSoFar'), width: 80, align: 'right', render: (_, l) => <span className="num">{l.receivedQty}</span> },
          ...(canReceive
            ? [
                {
                  title: t('pos.receiveNow'),
                  width: 190,
                  render: (_: unknown, l: PoLineView, i: number) => (
                    <Space size={6}>
                      <InputNumber min={0} max={1_000_000} precision={0} value={qty[l.id]} style={{ width: 90 }}
                        onChange={(v) => setQty((q) => ({ ...q, [l.id]: v }))} data-testid={`po-receive-qty-${i}`} data-line-id={l.id} />
                      {after(l) < l.demandQty ? (
                        <Tag color="red" data-testid={`po-short-${i}`}>{t('pos.shortBy', { n: l.demandQty - after(l) })}</Tag>
                      ) : after(l) < l.orderedQty ? (
                        <Tag color="gold">{t('pos.underOrdered')}</Tag>
                      ) : null}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {canReceive && (
        <div style={{ marginTop: 12 }}>
          {short.length > 0 && (
            <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="po-shortage-warning"
              title={t('pos.shortageWarning', { n: short.length })} description={t('pos.shortageHow')} />
          )}
          <Button type="primary" loading={busy} onClick={() => void receive()} data-testid="po-receive-submit">{t('pos.receiveSubmit')}</Button>
        </div>
      )}
      {result && <AllocationResult receipt={result} />}
    </>
  );
}
