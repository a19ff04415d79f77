import { useMemo, useState } from 'react';
import { Button, Input, Select, Switch, Table, Tag, Typography } from 'antd';
import { PictureOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { catalogApi } from '../../../api/catalog.js';
import type { ProductView } from '../../../api/types.js';
import { useNotify } from '../../../lib/antd/notify.js';
import { formatFen } from '../../../lib/money.js';
import { formatTime } from '../../../lib/time.js';
import { useApi } from '../../../lib/use-api.js';
import { useLang } from '../../../i18n/index.js';
import { PageHeader } from '../PageHeader.js';
import { ProductDrawer } from './ProductDrawer.js';

export function ProductsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const notify = useNotify();
  const [q, setQ] = useState('');
  const [categoryId, setCategoryId] = useState<string>();
  const [active, setActive] = useState<'true' | 'false'>();
  const [editing, setEditing] = useState<ProductView | 'new' | null>(null);
  const products = useApi((s) => catalogApi.products({ q: q || undefined, categoryId, active }, s), [q, categoryId, active]);
  const categories = useApi(() => catalogApi.categories(), []);
  const catName = useMemo(() => new Map((categories.data ?? []).map((c) => [c.id, c.name])), [categories.data]);

  const toggle = async (p: ProductView, on: boolean) => {
    try {
      await catalogApi.update(p.id, { active: on });
      notify.success(on ? t('products.listed') : t('products.unlisted'));
      await products.reload();
    } catch (e) {
      notify.error(e);
    }
  };

  return (
    <>
      <PageHeader
        title={t('products.title')}
        sub={t('products.sub')}
        extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="product-new">{t('products.new')}</Button>}
      />
      <div className="toolbar">
        <Input.Search allowClear placeholder={t('products.search')} style={{ width: 240 }} onSearch={setQ} />
        <Select allowClear placeholder={t('products.category')} style={{ width: 160 }} value={categoryId} onChange={setCategoryId}
          options={(categories.data ?? []).map((c) => ({ value: c.id, label: c.name }))} />
        <Select allowClear placeholder={t('products.status')} style={{ width: 120 }} value={active} onChange={setActive}
          options={[{ value: 'true', label: t('products.active') }, { value: 'false', label: t('products.inactive') }]} />
      </div>
      <Table<ProductView>
        rowKey="id"
        loading={products.loading}
        dataSource={products.data ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        columns={[
          {
            title: t('products.name'),
            render: (_, p) => (
              <div className="product-cell">
                {p.images[0] ? <img className="product-thumb" src={p.images[0].url} alt="" /> : <div className="product-thumb"><PictureOutlined /></div>}
                <div>
                  <Typography.Text strong>{p.name}</Typography.Text>
                  <br />
                  <Typography.Text type="secondary" ellipsis style={{ maxWidth: 260, fontSize: 12 }}>{p.description}</Typography.Text>
                </div>
              </div>
            ),
          },
          { title: t('products.category'), width: 110, render: (_, p) => (p.categoryId ? catName.get(p.categoryId) ?? '—' : '—') },
          {
            title: t('products.skusPrice'),
            render: (_, p) => (
              <div className="sku-lines">
                {p.skus.map((s) => (
                  <span key={s.id} style={{ opacity: s.active ? 1 : 0.45 }}>
                    {s.spec} · <span className="num">{formatFen(s.priceFen)}</span>/{s.unit}
                  </span>
                ))}
              </div>
            ),
          },
          {
            title: t('products.status'),
            width: 100,
            render: (_, p) => <Switch size="small" checked={p.active} onChange={(on) => void toggle(p, on)} checkedChildren={t('products.on')} unCheckedChildren={t('products.off')} />,
          },
          { title: t('common.updatedAt'), width: 160, render: (_, p) => <span className="num">{formatTime(p.updatedAt, lang)}</span> },
          {
            title: t('common.actions'),
            width: 90,
            render: (_, p) => <Button type="link" onClick={() => setEditing(p)} data-testid={`product-edit-${p.id}`}>{t('common.edit')}</Button>,
          },
        ]}
      />
      {editing && (
        <ProductDrawer
          product={editing === 'new' ? null : editing}
          categories={categories.data ?? []}
          onCategoryAdded={() => void categories.reload()}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void products.reload();
          }}
        />
      )}
      {products.error && <Tag color="red">{products.error.message}</Tag>}
    </>
  );
}
