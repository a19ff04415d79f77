import ExcelJS from 'exceljs';
import type { PurchaseOrderView } from './contract.js';
import { PO_HEADERS, poRows, poTotals, STATUS_ZH, storeDate, type SheetHeader } from './sheet.js';

const WIDTHS = [16, 22, 12, 6, 10, 10, 8, 8, 10, 10, 20];
const thin = { style: 'thin' as const };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

/** Excel refuses sheet names over 31 characters or with []:*?/\ ; repeated names get a suffix. */
function sheetName(wb: ExcelJS.Workbook, name: string): string {
  const base = name.replace(/[[\]:*?/\\]/g, '_').slice(0, 28) || 'PO';
  let n = base;
  for (let i = 2; wb.getWorksheet(n); i++) n = `${base}-${i}`;
  return n;
}

function addPoSheet(wb: ExcelJS.Workbook, po: PurchaseOrderView, h: SheetHeader): void {
  const ws = wb.addWorksheet(sheetName(wb, po.number), {
    // printable: A4 landscape, every column on one page wide, as many pages tall as needed
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true },
  });
  ws.columns = WIDTHS.map((width) => ({ width }));
  ws.mergeCells(1, 1, 1, PO_HEADERS.length);
  ws.getCell(1, 1).value = `${h.storeName} 采购单`;
  ws.getCell(1, 1).font = { bold: true, size: 16 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.addRow(['采购单号', po.number, '', '日期', storeDate(po.createdAt, h.timeZone), '', '供应商', po.supplierName]);
  ws.addRow(['门店', h.storeName, '', '损耗预留', `${po.lossBufferPct}%`, '', '状态', STATUS_ZH[po.status]]);
  const header = ws.addRow([...PO_HEADERS]);
  header.font = { bold: true };
  header.eachCell((c) => {
    c.border = BORDER;
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
    c.alignment = { horizontal: 'center' };
  });
  for (const r of poRows(po)) ws.addRow(r).eachCell({ includeEmpty: true }, (c) => (c.border = BORDER));
  const t = poTotals(po);
  const total = ws.addRow(['合计', '', '', '', t.demandQty, '', '', t.cases, t.orderedQty, '', '']);
  total.font = { bold: true };
  ws.getColumn(10).numFmt = '0.00';
  // the header row stays in view on screen and repeats on every printed page
  ws.views = [{ state: 'frozen', ySplit: header.number, xSplit: 0 }];
  ws.pageSetup.printTitlesRow = `${header.number}:${header.number}`;
}

/** A workbook with a sheet per PO. */
export async function purchaseOrdersXlsx(pos: PurchaseOrderView[], h: SheetHeader): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Linli 邻里';
  wb.created = new Date(pos[0]?.createdAt ?? Date.now());
  for (const po of pos) addPoSheet(wb, po, h);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
