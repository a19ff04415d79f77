import type { PurchaseOrderView } from './contract.js';

/** What the xlsx and the print page both show: one table per PO, with Chinese headers. */

export const PO_HEADERS = ['供应商', '商品', '规格', '单位', '需求数量', '损耗预留', '箱规', '箱数', '订货数量', '单价(元)', '备注'] as const;

export const STATUS_ZH: Record<PurchaseOrderView['status'], string> = {
  draft: '草稿',
  sent: '已发送',
  partially_received: '部分到货',
  received: '已到货',
  closed: '已关闭',
};

export interface SheetHeader {
  storeName: string;
  /** the store's time zone: the PO's date is printed as the store's calendar day */
  timeZone: string;
}

export function storeDate(d: Date | string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(d));
}

export function poRows(po: PurchaseOrderView): Array<Array<string | number | null>> {
  return po.lines.map((l) => [
    po.supplierName,
    l.productName,
    l.spec,
    l.unit,
    l.demandQty,
    l.bufferQty,
    l.casePack,
    l.cases,
    l.orderedQty,
    l.unitCostFen === null ? null : l.unitCostFen / 100,
    l.note,
  ]);
}

export function poTotals(po: PurchaseOrderView): { cases: number; orderedQty: number; demandQty: number } {
  return {
    cases: po.lines.reduce((s, l) => s + l.cases, 0),
    orderedQty: po.lines.reduce((s, l) => s + l.orderedQty, 0),
    demandQty: po.lines.reduce((s, l) => s + l.demandQty, 0),
  };
}
