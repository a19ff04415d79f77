import type { PurchaseOrderView } from './contract.js';
import { PO_HEADERS, poRows, poTotals, STATUS_ZH, storeDate, type SheetHeader } from './sheet.js';

const esc = (v: unknown): string =>
  String(v ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * A self-contained HTML page of one PO for the browser's print dialog (A4 landscape). No script:
 * the page is served with a strict CSP, the console opens it and calls print().
 */
export function purchaseOrderHtml(po: PurchaseOrderView, h: SheetHeader): string {
  const t = poTotals(po);
  const rows = poRows(po)
    .map((r) => `<tr>${r.map((v, i) => `<td class="${i >= 4 && i <= 9 ? 'n' : ''}">${esc(typeof v === 'number' && i === 9 ? v.toFixed(2) : v)}</td>`).join('')}</tr>`)
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(`${h.storeName} 采购单 ${po.number}`)}</title>
<style>
@page { size: A4 landscape; margin: 12mm; }
body { font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; font-size: 12px; color: #000; }
h1 { text-align: center; font-size: 20px; margin: 0 0 8px; }
.meta { display: flex; flex-wrap: wrap; gap: 4px 24px; margin-bottom: 8px; }
table { width: 100%; border-collapse: collapse; }
th, td { border: 1px solid #333; padding: 4px 6px; }
th { background: #eee; } thead { display: table-header-group; }
td.n { text-align: right; } tfoot td { font-weight: bold; }
.sign { margin-top: 24px; display: flex; gap: 80px; }
</style></head>
<body>
<h1>${esc(h.storeName)} 采购单</h1>
<div class="meta"><span>采购单号：${esc(po.number)}</span><span>日期：${esc(storeDate(po.createdAt, h.timeZone))}</span>
<span>供应商：${esc(po.supplierName)}</span><span>损耗预留：${esc(po.lossBufferPct)}%</span><span>状态：${esc(STATUS_ZH[po.status])}</span></div>
<table>
<thead><tr>${PO_HEADERS.map((x) => `<th>${esc(x)}</th>`).join('')}</tr></thead>
<tbody>
${rows}
</tbody>
<tfoot><tr><td>合计</td><td></td><td></td><td></td><td class="n">${t.demandQty}</td><td></td><td></td><td class="n">${t.cases}</td><td class="n">${t.orderedQty}</td><td></td><td></td></tr></tfoot>
</table>
<div class="sign"><span>供应商签字：</span><span>收货人签字：</span></div>
</body></html>
`;
}
