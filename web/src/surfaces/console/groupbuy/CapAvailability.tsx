import { Button, Form, Space, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SkuAvailabilityView } from '../../../api/types.js';

interface Props {
  item: number;
  index: number;
  availability: SkuAvailabilityView | undefined;
  /** units already sold of this item: the cap cannot go below them */
  soldQty: number;
}

/**
 * Under an item's total cap: 现货 · 在途 · 可售 of its SKU, and a button that copies 可售 into the
 * cap. The cap stays the owner's number: the button fills the field once, nothing follows later.
 */
export function CapAvailability({ item, index, availability: a, soldQty }: Props) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  if (!a) return null;
  const tooLow = a.sellable < Math.max(1, soldQty);
  return (
    <Space orientation="vertical" size={2} data-testid={`campaign-item-availability-${index}`}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t(a.incomingSold > 0 ? 'campaigns.availabilitySold' : 'campaigns.availability', {
          available: a.available, incoming: a.incoming, sold: a.incomingSold, sellable: a.sellable,
        })}
      </Typography.Text>
      <Tooltip title={tooLow ? t('campaigns.capFromStockTooLow', { sold: soldQty }) : t('campaigns.capFromStockHint')}>
        <Button size="small" disabled={tooLow} data-testid={`campaign-item-cap-from-stock-${index}`}
          onClick={() => form.setFields([{ name: ['items', item, 'totalCap'], value: a.sellable, errors: [] }])}>
          {t('campaigns.capFromStock')}
        </Button>
      </Tooltip>
    </Space>
  );
}
