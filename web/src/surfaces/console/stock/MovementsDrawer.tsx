import { Drawer, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { inventoryApi } from '../../../api/inventory.js';
import type { MovementView, StockRow } from '../../../api/types.js';
import { useLang } from '../../../i18n/index.js';
import { formatTime } from '../../../lib/time.js';
import { useApi } from '../../../lib/use-api.js';

const KIND_COLOR: Record<string, string> = { receive: 'green', loss: 'red', adjust: 'purple', sale: 'blue', commit: 'blue', reserve: 'gold', release: 'default', return: 'cyan', reopen: 'cyan' };

function Delta({ n }: { n: number }) {
  if (n === 0) return <span style={{ color: '#ccc' }}>0</span>;
  return <span className="num" style={{ color: n < 0 ? '#cf1322' : '#389e0d' }}>{n > 0 ? `+${n}` : n}</span>;
}

export function MovementsDrawer({ row, onClose }: { row: StockRow; onClose(): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const moves = useApi(() => inventoryApi.movements(row.skuId), [row.skuId]);
  return (
    <Drawer open width={760} title={t('stock.historyTitle', { name: `${row.productName} · ${row.spec}` })} onClose={onClose}>
      <Table<MovementView>
        rowKey="id"
        size="small"
        loading={moves.loading}
        dataSource={moves.data ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        locale={moves.error ? { emptyText: moves.error.message } : undefined}
        columns={[
          { title: t('common.time'), width: 150, render: (_, m) => <span className="num">{formatTime(m.at, lang)}</span> },
          { title: t('stock.kind'), width: 90, render: (_, m) => <Tag color={KIND_COLOR[m.kind] ?? 'default'}>{t(`stock.kinds.${m.kind}`, { defaultValue: m.kind })}</Tag> },
          { title: t('stock.onHandDelta'), width: 80, align: 'right', render: (_, m) => <Delta n={m.onHandDelta} /> },
          { title: t('stock.reservedDelta'), width: 80, align: 'right', render: (_, m) => <Delta n={m.reservedDelta} /> },
          { title: t('stock.onHandAfter'), width: 80, align: 'right', render: (_, m) => <span className="num">{m.onHandAfter}</span> },
          { title: t('stock.reason'), render: (_, m) => m.note },
          { title: t('stock.by'), width: 80, render: (_, m) => m.actorName },
        ]}
      />
    </Drawer>
  );
}
