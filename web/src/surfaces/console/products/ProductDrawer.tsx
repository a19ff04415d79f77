import { useState } from 'react';
import { Button, Col, Divider, Drawer, Form, Input, Row, Select, Space, Switch, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { catalogApi } from '../../../api/catalog.js';
import type { CategoryView, ProductView } from '../../../api/types.js';
import { useNotify } from '../../../lib/antd/notify.js';
import { useApi } from '../../../lib/use-api.js';
import { ProductImages } from './ProductImages.js';
import { toCreateBody, toFormValues, toUpdateBody, type ProductFormValues } from './product-form.js';
import { SkuFields } from './SkuFields.js';

interface Props {
  product: ProductView | null;
  categories: CategoryView[];
  onCategoryAdded(): void;
  onClose(): void;
  onSaved(): void;
}

export function ProductDrawer({ product, categories, onCategoryAdded, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [form] = Form.useForm<ProductFormValues>();
  const [saving, setSaving] = useState(false);
  const [newCat, setNewCat] = useState('');
  const suppliers = useApi(() => catalogApi.suppliers(), []);

  const addCategory = async () => {
    if (!newCat.trim()) return;
    try {
      const c = await catalogApi.createCategory(newCat.trim());
      form.setFieldValue('categoryId', c.id);
      setNewCat('');
      onCategoryAdded();
    } catch (e) {
      notify.error(e);
    }
  };

  const save = async (v: ProductFormValues) => {
    setSaving(true);
    try {
      if (product) await catalogApi.update(product.id, toUpdateBody(v));
      else await catalogApi.create(toCreateBody(v));
      notify.success(t('common.saved'));
      onSaved();
    } catch (e) {
      notify.error(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open
      width={780}
      title={product ? t('products.editTitle', { name: product.name }) : t('products.newTitle')}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="product-save">{t('common.save')}</Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" initialValues={toFormValues(product)} onFinish={save} data-testid="product-form">
        <Row gutter={16}>
          <Col span={14}>
            <Form.Item name="name" label={t('products.name')} rules={[{ required: true, max: 60 }]}>
              <Input placeholder={t('products.namePlaceholder')} data-testid="product-name" />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="categoryId" label={t('products.category')}>
              <Select
                allowClear
                placeholder={t('products.pickCategory')}
                options={categories.map((c) => ({ value: c.id, label: c.name }))}
                popupRender={(menu) => (
                  <>
                    {menu}
                    <Divider style={{ margin: '6px 0' }} />
                    <Space.Compact style={{ padding: '0 6px 4px', width: '100%' }}>
                      <Input size="small" value={newCat} placeholder={t('products.newCategory')} onChange={(e) => setNewCat(e.target.value)}
                        onKeyDown={(e) => e.stopPropagation()} />
                      <Button size="small" icon={<PlusOutlined />} onClick={() => void addCategory()}>{t('common.add')}</Button>
                    </Space.Compact>
                  </>
                )}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="description" label={t('products.description')}>
          <Input.TextArea rows={2} maxLength={2000} placeholder={t('products.descriptionPlaceholder')} />
        </Form.Item>
        <Form.Item name="active" label={t('products.listedInShop')} valuePropName="checked">
          <Switch checkedChildren={t('products.on')} unCheckedChildren={t('products.off')} />
        </Form.Item>
        <Form.Item label={t('products.images')}>
          {product ? <ProductImages product={product} /> : <Typography.Text type="secondary">{t('products.imagesAfterSave')}</Typography.Text>}
        </Form.Item>
        <Divider titlePlacement="start">{t('products.skus')}</Divider>
        <SkuFields suppliers={suppliers.data ?? []} />
      </Form>
    </Drawer>
  );
}
