import { Button, Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SupplierView } from '../../../api/types.js';
import { EMPTY_SKU } from './product-form.js';

/** The SKU rows of the product form; prices are typed in 元 and sent in fen. */
export function SkuFields({ suppliers }: { suppliers: SupplierView[] }) {
  const { t } = useTranslation();
  // saved SKUs are never removed here (orders point at them): switch them off instead
  const form = Form.useFormInstance();
  return (
    <Form.List name="skus" rules={[{ validator: async (_, v: unknown[]) => { if (!v?.length) throw new Error(t('products.needSku')); } }]}>
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((f, i) => (
            <div className="sku-row" key={f.key} data-testid={`sku-row-${i}`}>
              {fields.length > 1 && !form.getFieldValue(['skus', f.name, 'id']) && (
                <Button className="sku-row-remove" type="text" size="small" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
              )}
              <Row gutter={12}>
                <Col span={8}>
                  <Form.Item name={[f.name, 'spec']} label={t('products.spec')} rules={[{ required: true, max: 40 }]}>
                    <Input placeholder={t('products.specPlaceholder')} data-testid={`sku-spec-${i}`} />
                  </Form.Item>
                </Col>
                <Col span={4}>
                  <Form.Item name={[f.name, 'unit']} label={t('products.unit')} rules={[{ required: true, max: 8 }]}>
                    <Input placeholder={t('products.unitPlaceholder')} />
                  </Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item name={[f.name, 'priceYuan']} label={t('products.priceYuan')} rules={[{ required: true, type: 'number', min: 0 }]}>
                    <InputNumber prefix="¥" min={0} max={1_000_000} precision={2} step={0.5} style={{ width: '100%' }} data-testid={`sku-price-${i}`} />
                  </Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item name={[f.name, 'barcode']} label={t('products.barcode')} rules={[{ pattern: /^[0-9A-Za-z-]{4,32}$/, message: t('products.barcodeInvalid') }]}>
                    <Input placeholder="6901234567890" />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name={[f.name, 'supplierId']} label={t('products.supplier')}>
                    <Select allowClear placeholder={t('products.pickSupplier')} options={suppliers.map((s) => ({ value: s.id, label: s.name }))} />
                  </Form.Item>
                </Col>
                <Col span={4}>
                  <Form.Item name={[f.name, 'casePack']} label={t('products.casePack')}>
                    <InputNumber min={1} max={10000} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item name={[f.name, 'weighed']} label={t('products.weighed')} valuePropName="checked">
                    <Switch size="small" />
                  </Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item name={[f.name, 'active']} label={t('products.skuActive')} valuePropName="checked">
                    <Switch size="small" />
                  </Form.Item>
                </Col>
              </Row>
            </div>
          ))}
          <Form.ErrorList errors={errors} />
          <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ ...EMPTY_SKU })} data-testid="sku-add">
            {t('products.addSku')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
