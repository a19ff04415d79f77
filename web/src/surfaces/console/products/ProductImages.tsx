import { useState } from 'react';
import { Upload, type UploadFile } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { catalogApi } from '../../../api/catalog.js';
import type { ProductView } from '../../../api/types.js';
import { useNotify } from '../../../lib/antd/notify.js';

const MAX_IMAGES = 9;

/** Uploads go one image per request to POST /api/console/products/:id/images. */
export function ProductImages({ product }: { product: ProductView }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [images, setImages] = useState(product.images);
  const files: UploadFile[] = images.map((img) => ({ uid: img.file, name: img.file, status: 'done', url: img.url }));
  return (
    <Upload
      listType="picture-card"
      accept="image/jpeg,image/png,image/webp"
      fileList={files}
      showUploadList={{ showRemoveIcon: false }}
      customRequest={async ({ file, onSuccess, onError }) => {
        try {
          const p = await catalogApi.uploadImage(product.id, file as File);
          setImages(p.images);
          onSuccess?.(p);
        } catch (e) {
          notify.error(e);
          onError?.(e as Error);
        }
      }}
    >
      {images.length < MAX_IMAGES && (
        <div>
          <PlusOutlined />
          <div style={{ marginTop: 6 }}>{t('products.upload')}</div>
        </div>
      )}
    </Upload>
  );
}
