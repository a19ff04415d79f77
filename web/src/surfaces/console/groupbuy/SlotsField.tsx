import { Button, Form, Input, InputNumber, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/** 提货时段: a label ("明天 17:00–19:00") and how many neighbours it takes. */
export function SlotsField({ booked }: { booked: Map<string, number> }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  return (
    <Form.List name="slots">
      {(fields, { add, remove }) => (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {fields.length === 0 && <Typography.Text type="secondary">{t('campaigns.noSlots')}</Typography.Text>}
          {fields.map((f, j) => {
            const id = form.getFieldValue(['slots', f.name, 'id']) as string | undefined;
            const used = id ? (booked.get(id) ?? 0) : 0;
            return (
              <Space key={f.key} align="baseline" wrap>
                <Form.Item name={[f.name, 'label']} rules={[{ required: true, whitespace: true, max: 60 }]} style={{ marginBottom: 8 }}>
                  <Input placeholder={t('campaigns.slotPlaceholder')} style={{ width: 260 }} data-testid={`campaign-slot-label-${j}`} />
                </Form.Item>
                <Form.Item name={[f.name, 'capacity']} rules={[{ required: true }]} style={{ marginBottom: 8 }}>
                  <InputNumber min={Math.max(1, used)} max={100_000} precision={0} prefix={t('campaigns.slotCapacity')} style={{ width: 160 }}
                    data-testid={`campaign-slot-capacity-${j}`} />
                </Form.Item>
                {used > 0 ? (
                  <Typography.Text type="secondary">{t('campaigns.slotBookedN', { n: used })}</Typography.Text>
                ) : (
                  <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(f.name)} data-testid={`campaign-slot-remove-${j}`} />
                )}
              </Space>
            );
          })}
          <Button icon={<PlusOutlined />} onClick={() => add({ label: '', capacity: 50 })} data-testid="campaign-slot-add">{t('campaigns.addSlot')}</Button>
        </Space>
      )}
    </Form.List>
  );
}
