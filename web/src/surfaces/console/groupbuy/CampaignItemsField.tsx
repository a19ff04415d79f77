import { Button, Col, Form, InputNumber, Row, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { groupbuyApi } from '../../../api/groupbuy.js';
import type { ProductView, SupplierView } from '../../../api/types.js';
import { fenToYuan, formatFen } from '../../../lib/money.js';
import { useApi } from '../../../lib/use-api.js';
import { CapAvailability } from './CapAvailability.js';
import type { ItemValues } from './campaign-form.js';

export interface SkuOption {
  value: string;
  label: string;
  priceFen: number;
  supplierId: string | null;
  productId: string;
}

export function skuOptions(products: ProductView[]): SkuOption[] {
  return products.flatMap((p) =>
    p.skus.filter((s) => s.active).map((s) => ({ value: s.id, label: `${p.name} · ${s.spec}`, priceFen: s.priceFen, supplierId: s.supplierId, productId: p.id })),
  );
}

interface Props {
  skus: SkuOption[];
  suppliers: SupplierView[];
  /** itemId → units sold (a sold item cannot be removed or change SKU) */
  sold: Map<string, number>;
}

/** The products of a campaign: SKU, price in 元, supplier, caps and optional 阶梯价 tiers. */
export function CampaignItemsField({ skus, suppliers, sold }: Props) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const byId = new Map(skus.map((s) => [s.value, s]));
  // 现货 + 在途 of the picked SKUs, read again when the set of SKUs changes
  const watched = Form.useWatch('items', form) as ItemValues[] | undefined;
  const skuKey = [...new Set((watched ?? []).map((i) => i?.skuId).filter((v): v is string => !!v))].sort().join(',');
  const stock = useApi(skuKey ? (sig) => groupbuyApi.availability(skuKey.split(','), sig) : null, [skuKey]);
  const stockBySku = useMemo(() => new Map((stock.data ?? []).map((a) => [a.skuId, a])), [stock.data]);

  const picked = (name: number, skuId: string) => {
    const s = byId.get(skuId);
    if (!s) return;
    const cur = form.getFieldValue(['items', name]) as ItemValues;
    form.setFieldValue(['items', name], { ...cur, skuId, priceYuan: fenToYuan(s.priceFen), supplierId: s.supplierId });
  };

  return (
    <Form.List name="items" rules={[{ validator: async (_, v: unknown[]) => { if (!v?.length) throw new Error(t('campaigns.needItem')); } }]}>
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((f, i) => {
            const id = form.getFieldValue(['items', f.name, 'id']) as string | undefined;
            const soldQty = id ? (sold.get(id) ?? 0) : 0;
            return (
              <div className="sku-row" key={f.key} data-testid={`campaign-item-${i}`}>
                {fields.length > 1 && soldQty === 0 && (
                  <Button className="sku-row-remove" type="text" size="small" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)}
                    data-testid={`campaign-item-remove-${i}`} />
                )}
                <Row gutter={12}>
                  <Col span={12}>
                    <Form.Item name={[f.name, 'skuId']} label={t('campaigns.item', { n: i + 1 })} rules={[{ required: true, message: t('campaigns.pickSku') }]}
                      extra={soldQty > 0 ? t('campaigns.itemSoldHint', { n: soldQty }) : undefined}>
                      <Select showSearch={{ optionFilterProp: 'label' }} placeholder={t('campaigns.pickSku')} options={skus} disabled={soldQty > 0}
                        onChange={(v: string) => picked(f.name, v)} data-testid={`campaign-item-sku-${i}`} />
                    </Form.Item>
                  </Col>
                  <Col span={5}>
                    <Form.Item name={[f.name, 'priceYuan']} label={t('campaigns.priceYuan')} rules={[{ required: true, type: 'number', min: 0 }]}>
                      <InputNumber prefix="¥" min={0} max={1_000_000} precision={2} style={{ width: '100%' }} data-testid={`campaign-item-price-${i}`} />
                    </Form.Item>
                  </Col>
                  <Col span={7}>
                    <Form.Item name={[f.name, 'supplierId']} label={t('campaigns.supplier')} tooltip={t('campaigns.supplierHint')}>
                      <Select allowClear placeholder={t('campaigns.noSupplier')} options={suppliers.map((s) => ({ value: s.id, label: s.name }))}
                        data-testid={`campaign-item-supplier-${i}`} />
                    </Form.Item>
                  </Col>
                  <Col span={6}>
                    <Form.Item name={[f.name, 'totalCap']} label={t('campaigns.totalCap')} tooltip={t('campaigns.blankNoLimit')}
                      extra={<CapAvailability item={f.name} index={i} soldQty={soldQty}
                        availability={stockBySku.get(form.getFieldValue(['items', f.name, 'skuId']) as string)} />}>
                      <InputNumber min={Math.max(1, soldQty)} max={1_000_000} precision={0} placeholder={t('campaigns.noCap')} style={{ width: '100%' }}
                        data-testid={`campaign-item-cap-${i}`} />
                    </Form.Item>
                  </Col>
                  <Col span={6}>
                    <Form.Item name={[f.name, 'perPersonCap']} label={t('campaigns.perPersonCap')} tooltip={t('campaigns.blankNoLimit')}
                      dependencies={[['items', f.name, 'totalCap']]}
                      rules={[({ getFieldValue }) => ({
                        validator: async (_, v: number | null) => {
                          const total = getFieldValue(['items', f.name, 'totalCap']) as number | null;
                          if (v != null && total != null && v > total) throw new Error(t('campaigns.err.personAboveTotal'));
                        },
                      })]}>
                      <InputNumber min={1} max={1_000_000} precision={0} placeholder={t('campaigns.noCap')} style={{ width: '100%' }}
                        data-testid={`campaign-item-limit-${i}`} />
                    </Form.Item>
                  </Col>
                  <Col span={12}>
                    <TiersField item={f.name} index={i} />
                  </Col>
                </Row>
              </div>
            );
          })}
          <Form.ErrorList errors={errors} />
          <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ tiers: [] })} data-testid="campaign-item-add" style={{ marginBottom: 16 }}>
            {t('campaigns.addItem')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

/** 阶梯价: from a total of `minQty` units sold, everyone pays `price` (each tier cheaper than the one before). */
function TiersField({ item, index }: { item: number; index: number }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  return (
    <Form.Item label={t('campaigns.tiers')} tooltip={t('campaigns.tiersHint')}>
      <Form.List name={[item, 'tiers']}>
        {(fields, { add, remove }) => (
          <Space orientation="vertical" size={4} style={{ width: '100%' }}>
            {fields.map((f, j) => (
              <Space key={f.key} size={4} align="baseline">
                <Typography.Text type="secondary">{t('campaigns.tierFrom')}</Typography.Text>
                <Form.Item name={[f.name, 'minQty']} noStyle rules={[{ required: true }]}>
                  <InputNumber min={1} precision={0} style={{ width: 80 }} data-testid={`campaign-item-${index}-tier-qty-${j}`} />
                </Form.Item>
                <Typography.Text type="secondary">{t('campaigns.tierUnits')}</Typography.Text>
                <Form.Item name={[f.name, 'priceYuan']} noStyle rules={[{ required: true }]}>
                  <InputNumber prefix="¥" min={0} precision={2} style={{ width: 110 }} data-testid={`campaign-item-${index}-tier-price-${j}`} />
                </Form.Item>
                <Button type="text" size="small" icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Button size="small" icon={<PlusOutlined />} data-testid={`campaign-item-tier-add-${index}`}
              onClick={() => {
                const cur = (form.getFieldValue(['items', item, 'tiers']) ?? []) as { minQty?: number }[];
                const last = cur.at(-1)?.minQty ?? 0;
                add({ minQty: last + 10 });
              }}>
              {t('campaigns.addTier')}
            </Button>
            <PriceHint item={item} />
          </Space>
        )}
      </Form.List>
    </Form.Item>
  );
}

function PriceHint({ item }: { item: number }) {
  const { t } = useTranslation();
  const tiers = Form.useWatch(['items', item, 'tiers']) as { minQty?: number; priceYuan?: number }[] | undefined;
  const base = Form.useWatch(['items', item, 'priceYuan']) as number | undefined;
  const ok = (tiers ?? []).filter((x) => x.minQty != null && x.priceYuan != null).sort((a, b) => a.minQty! - b.minQty!);
  if (!ok.length || base == null) return null;
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {[formatFen(Math.round(base * 100)), ...ok.map((x) => t('campaigns.tierLine', { qty: x.minQty, price: formatFen(Math.round(x.priceYuan! * 100)) }))].join(' → ')}
    </Typography.Text>
  );
}
