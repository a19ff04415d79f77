import type { PoStatus } from '../../../api/types.js';

export const PO_STATUSES: PoStatus[] = ['draft', 'sent', 'partially_received', 'received', 'closed'];
export const PO_COLOR: Record<PoStatus, string> = { draft: 'default', sent: 'blue', partially_received: 'orange', received: 'green', closed: 'default' };

/** the print page has no script (strict CSP): open it and print from here (same origin) */
export function printPage(url: string): void {
  const w = window.open(url, '_blank');
  if (!w) return;
  w.addEventListener('load', () => w.print(), { once: true });
}
