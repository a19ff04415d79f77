import type { ReactNode } from 'react';
import { Typography } from 'antd';

export function PageHeader({ title, sub, extra }: { title: string; sub?: string; extra?: ReactNode }) {
  return (
    <div className="page-header">
      <div>
        <Typography.Title level={4} style={{ margin: 0 }}>{title}</Typography.Title>
        {sub && <Typography.Text type="secondary">{sub}</Typography.Text>}
      </div>
      <div>{extra}</div>
    </div>
  );
}
