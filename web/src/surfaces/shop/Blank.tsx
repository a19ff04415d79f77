import type { ReactNode } from 'react';

/** A light empty / error state (antd-mobile's ErrorBlock ships ~30 kB of illustrations). */
export function Blank({ title, children, full = false }: { title: string; children?: ReactNode; full?: boolean }) {
  return (
    <div className={full ? 'blank blank-full' : 'blank'}>
      <div className="blank-mark" aria-hidden>邻</div>
      <div className="blank-title">{title}</div>
      {children && <div className="blank-extra">{children}</div>}
    </div>
  );
}
