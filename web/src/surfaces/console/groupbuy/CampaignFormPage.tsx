import { useMemo, useState } from 'react';
import { Alert, Button, Col, DatePicker, Divider, Form, Input, InputNumber, Radio, Result, Row, Space, Spin } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { catalogApi } from '../../../api/catalog.js';
import { groupbuyApi } from '../../../api/groupbuy.js';
import type { CampaignView } from '../../../api/types.js';
import { useNotify } from '../../../lib/antd/notify.js';
import { useApi } from '../../../lib/use-api.js';
import { PageHeader } from '../PageHeader.js';
import { explainError, toFormValues, toInput, type CampaignFormValues } from './campaign-form.js';
import { CampaignItemsField, skuOptions, type SkuOption } from './CampaignItemsField.js';
import { editable } from './campaign-meta.js';
import { SlotsField } from './SlotsField.js';

/** 新建 / 编辑团购: /console/campaigns/new and /console/campaigns/:id/edit */
export function CampaignFormPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const campaign = useApi(id ? (s) => groupbuyApi.campaign(id, s) : null, [id]);
  if (id && campaign.error) return <Result status="warning" title={campaign.error.message} />;
  if (id && !campaign.data) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (campaign.data && !editable(campaign.data)) return <Result status="info" title={t('campaigns.notEditable')} />;
  return <CampaignForm key={id ?? 'new'} campaign={campaign.data ?? null} />;
}

function CampaignForm({ campaign }: { campaign: CampaignView | null }) {
  const { t } = useTranslation();
  const nav = useNavigate();
  const notify = useNotify();
  const [form] = Form.useForm<CampaignFormValues>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const products = useApi((s) => catalogApi.products({ active: 'true' }, s), []);
  const suppliers = useApi(() => catalogApi.suppliers(), []);
  const skus = useMemo(() => skuOptions(products.data ?? []), [products.data]);
  const sold = useMemo(() => new Map((campaign?.items ?? []).map((i) => [i.id, i.sold])), [campaign]);
  const initial = useMemo(() => toFormValues(campaign), [campaign]);
  const minKind = Form.useWatch('minKind', form) ?? initial.minKind;

  const save = async (v: CampaignFormValues) => {
    setSaving(true);
    setProblem(null);
    try {
      const input = toInput(v);
      const saved = campaign ? await groupbuyApi.update(campaign.id, input) : await groupbuyApi.create(input);
      await saveSuppliers(v, skus);
      notify.success(t('campaigns.savedOk'));
      nav(`/console/campaigns/${saved.id}`);
    } catch (e) {
      const x = explainError(e, v);
      const msg = x.key ? t(`campaigns.err.${x.key}`, x.params) : e instanceof Error ? e.message : t('common.unknownError');
      setProblem(msg);
      if (x.field) form.setFields([{ name: x.field as never, errors: [msg] }]);
      if (x.field) form.scrollToField(x.field);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <PageHeader
        title={campaign ? t('campaigns.editTitle', { title: campaign.title }) : t('campaigns.newTitle')}
        sub={t('campaigns.formSub')}
        extra={
          <Space>
            <Button onClick={() => nav(campaign ? `/console/campaigns/${campaign.id}` : '/console/campaigns')}>{t('common.cancel')}</Button>
            <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="campaign-save">{t('common.save')}</Button>
          </Space>
        }
      />
      {problem && <Alert type="error" showIcon closable title={problem} style={{ marginBottom: 16 }} data-testid="campaign-error" onClose={() => setProblem(null)} />}
      <Form form={form} layout="vertical" initialValues={initial} onFinish={save} data-testid="campaign-form" style={{ maxWidth: 960 }}
        onFinishFailed={() => setProblem(t('campaigns.fixFields'))}>
        <Row gutter={16}>
          <Col span={16}>
            <Form.Item name="title" label={t('campaigns.name')} rules={[{ required: true, whitespace: true, max: 80 }]}>
              <Input placeholder={t('campaigns.namePlaceholder')} maxLength={80} data-testid="campaign-title" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="status" label={t('campaigns.publish')}>
              <Radio.Group optionType="button" disabled={campaign?.status === 'open'}
                options={[
                  { value: 'open', label: t('campaigns.publishOpen'), ...{ 'data-testid': 'campaign-status-open' } },
                  { value: 'draft', label: t('campaigns.publishDraft'), ...{ 'data-testid': 'campaign-status-draft' } },
                ]} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="description" label={t('campaigns.description')}>
          <Input.TextArea rows={2} maxLength={2000} placeholder={t('campaigns.descriptionPlaceholder')} data-testid="campaign-description" />
        </Form.Item>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="openAt" label={t('campaigns.openAt')} rules={[{ required: true }]}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="campaign-open-at" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="cutoffAt" label={t('campaigns.cutoff')} dependencies={['openAt']}
              rules={[{ required: true }, ({ getFieldValue }) => ({
                validator: async (_, v: CampaignFormValues['cutoffAt']) => {
                  const open = getFieldValue('openAt') as CampaignFormValues['openAt'] | undefined;
                  if (v && open && !v.isAfter(open)) throw new Error(t('campaigns.err.cutoffBeforeOpen'));
                },
              })]}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="campaign-cutoff-at" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="pickupDate" label={t('campaigns.pickupDate')} dependencies={['cutoffAt']}
              rules={[{ required: true }, ({ getFieldValue }) => ({
                validator: async (_, v: CampaignFormValues['pickupDate']) => {
                  const cut = getFieldValue('cutoffAt') as CampaignFormValues['cutoffAt'] | undefined;
                  if (v && cut && v.isBefore(cut, 'day')) throw new Error(t('campaigns.err.pickupBeforeCutoff'));
                },
              })]}>
              <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} data-testid="campaign-pickup-date" />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start">{t('campaigns.items')}</Divider>
        <CampaignItemsField skus={skus} suppliers={suppliers.data ?? []} sold={sold} />
        <Divider titlePlacement="start">{t('campaigns.minTitle')}</Divider>
        <Space size={16} align="start" wrap>
          <Form.Item name="minKind" label={t('campaigns.minKind')}>
            <Radio.Group optionType="button" options={[
              { value: 'buyers', label: t('campaigns.minKindBuyers'), ...{ 'data-testid': 'campaign-min-kind-buyers' } },
              { value: 'qty', label: t('campaigns.minKindQty'), ...{ 'data-testid': 'campaign-min-kind-qty' } },
            ]} />
          </Form.Item>
          <Form.Item name="minValue" label={t('campaigns.minValue')} extra={t('campaigns.minValueHint')}>
            <InputNumber min={0} max={1_000_000} precision={0} suffix={t(`campaigns.minUnit.${minKind}`)} style={{ width: 160 }} data-testid="campaign-min-value" />
          </Form.Item>
        </Space>
        <Divider titlePlacement="start">{t('campaigns.slots')}</Divider>
        <SlotsField booked={new Map((campaign?.slots ?? []).map((s) => [s.id, s.booked]))} />
      </Form>
    </>
  );
}

/** the supplier is the SKU's, in the catalog: write back the ones changed here */
async function saveSuppliers(v: CampaignFormValues, skus: SkuOption[]): Promise<void> {
  const byId = new Map(skus.map((s) => [s.value, s]));
  const perProduct = new Map<string, { id: string; supplierId: string | null }[]>();
  for (const i of v.items) {
    const s = i.skuId ? byId.get(i.skuId) : undefined;
    const next = i.supplierId ?? null;
    if (!s || s.supplierId === next) continue;
    perProduct.set(s.productId, [...(perProduct.get(s.productId) ?? []), { id: s.value, supplierId: next }]);
  }
  for (const [productId, changes] of perProduct) await catalogApi.update(productId, { skus: changes });
}
