import { formatYuan } from '../../../kernel/money.js';
import { formatZhDateTime, placeQr, POSTER_FONT, svgText as t, wrap } from '../../../poster/index.js';
import { POSTER_HEIGHT as H, POSTER_WIDTH as W } from '../contract.js';

/** What the poster says; all values already chosen (prices in fen, times as Date). */
export interface PosterData {
  storeName: string;
  title: string;
  productName: string;
  spec: string;
  /** the price shown: the lowest ladder tier when there is a ladder */
  priceFen: number;
  /** true: "低至" (ladder), false: the one price */
  ladder: boolean;
  /** the base price, struck through when the ladder goes lower */
  basePriceFen: number;
  minKind: 'buyers' | 'qty';
  minValue: number;
  cutoffAt: Date;
  pickupDate: string;
  timeZone: string;
  shareUrl: string;
  /** the QR code as an SVG document (qrcode's toString type 'svg') */
  qrSvg: string;
}

/** "11月26日 20:00" in the store's zone. */
export const formatCutoff = formatZhDateTime;

export function formatPickupDate(isoDate: string): string {
  const [, m, d] = isoDate.split('-').map(Number);
  return `${m}月${d}日`;
}

export function goalText(minKind: 'buyers' | 'qty', minValue: number): string {
  if (minValue <= 0) return '不设门槛，下单即成团';
  return minKind === 'buyers' ? `满 ${minValue} 人成团` : `满 ${minValue} 份成团`;
}

/** The poster as an SVG document (750×1334), rendered to PNG by poster.ts. */
export function posterSvg(p: PosterData): string {
  const title = wrap(p.title, 13, 2);
  const product = wrap(`${p.productName}${p.spec ? ` · ${p.spec}` : ''}`, 16, 2);
  const price = formatYuan(p.priceFen);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${POSTER_FONT}">`,
    `<rect width="${W}" height="${H}" fill="#fff7ee"/>`,
    `<rect width="${W}" height="200" fill="#ff6a00"/>`,
    t(60, 95, 40, p.storeName, { weight: 700, fill: '#ffffff' }),
    t(60, 150, 28, '邻里接龙 · 团购预售', { fill: '#ffe6cc' }),
    `<rect x="40" y="240" width="${W - 80}" height="${H - 300}" rx="24" fill="#ffffff"/>`,
    ...title.map((l, i) => t(80, 320 + i * 64, 52, l, { weight: 700, fill: '#1f1f1f' })),
    ...product.map((l, i) => t(80, 320 + title.length * 64 + 20 + i * 44, 32, l, { fill: '#555' })),
  ];
  let y = 320 + title.length * 64 + 20 + product.length * 44 + 80;
  if (p.ladder) out.push(t(80, y, 34, '低至', { weight: 700, fill: '#ff4d00' }));
  out.push(t(p.ladder ? 160 : 80, y, 72, price, { weight: 700, fill: '#ff4d00' }));
  if (p.ladder && p.basePriceFen > p.priceFen) {
    out.push(t(W - 80, y, 30, `原价 ${formatYuan(p.basePriceFen)}`, { fill: '#999', anchor: 'end', extra: 'text-decoration="line-through"' }));
  }
  y += 80;
  out.push(`<line x1="80" y1="${y}" x2="${W - 80}" y2="${y}" stroke="#eeeeee" stroke-width="2"/>`);
  const rows: Array<[string, string]> = [
    ['成团', goalText(p.minKind, p.minValue)],
    ['截单', formatCutoff(p.cutoffAt, p.timeZone)],
    ['提货', `${formatPickupDate(p.pickupDate)} 到店自提`],
  ];
  rows.forEach(([k, v], i) => {
    out.push(t(80, y + 70 + i * 60, 30, k, { fill: '#999' }), t(170, y + 70 + i * 60, 32, v, { weight: 700, fill: '#333' }));
  });
  const qrSize = 300;
  const qrY = H - 60 - 90 - qrSize;
  out.push(`<rect x="${(W - qrSize) / 2 - 10}" y="${qrY - 10}" width="${qrSize + 20}" height="${qrSize + 20}" fill="#ffffff"/>`);
  out.push(placeQr(p.qrSvg, (W - qrSize) / 2, qrY, qrSize));
  out.push(t(W / 2, H - 100, 28, '长按识别二维码，参与接龙', { fill: '#666', anchor: 'middle' }));
  out.push('</svg>');
  return out.join('\n');
}
