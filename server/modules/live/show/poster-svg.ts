import { formatYuan } from '../../../kernel/money.js';
import { formatZhDateTime, placeQr, POSTER_FONT, svgText as t, wrap } from '../../../poster/index.js';

export const SHOW_POSTER_WIDTH = 750;
const W = SHOW_POSTER_WIDTH;
const H = 1334;

/** What a show's poster says: values already chosen (prices in fen). */
export interface ShowPosterData {
  storeName: string;
  title: string;
  status: 'scheduled' | 'live' | 'ended';
  /** when it starts (scheduled) or started (live) */
  at: Date | null;
  timeZone: string;
  /** the featured products, at most three */
  products: Array<{ name: string; priceFen: number }>;
  membersOnly: boolean;
  qrSvg: string;
}

const HEADLINE: Record<ShowPosterData['status'], string> = { scheduled: '直播预告', live: '正在直播', ended: '直播回放' };
const CALL: Record<ShowPosterData['status'], string> = {
  scheduled: '扫码预约，开播时提醒你',
  live: '扫码进入直播间',
  ended: '扫码看回放',
};

/** The show's share poster as an SVG document (750×1334), rendered to PNG by poster.ts. */
export function showPosterSvg(p: ShowPosterData): string {
  const title = wrap(p.title, 12, 2);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${POSTER_FONT}">`,
    `<rect width="${W}" height="${H}" fill="#fff5f0"/>`,
    `<rect width="${W}" height="200" fill="#fa541c"/>`,
    t(60, 95, 40, p.storeName, { weight: 700, fill: '#ffffff' }),
    t(60, 150, 28, `邻里直播 · ${HEADLINE[p.status]}`, { fill: '#ffe3d6' }),
    `<rect x="40" y="240" width="${W - 80}" height="${H - 300}" rx="24" fill="#ffffff"/>`,
    ...title.map((l, i) => t(80, 320 + i * 64, 52, l, { weight: 700, fill: '#1f1f1f' })),
  ];
  let y = 320 + title.length * 64 + 30;
  if (p.at) out.push(t(80, y, 34, `${p.status === 'scheduled' ? '开播' : '开始'} ${formatZhDateTime(p.at, p.timeZone)}`, { weight: 700, fill: '#fa541c' }));
  y += 30;
  if (p.products.length > 0) {
    out.push(`<line x1="80" y1="${y}" x2="${W - 80}" y2="${y}" stroke="#eeeeee" stroke-width="2"/>`);
    y += 60;
    out.push(t(80, y, 28, '今晚讲解', { fill: '#999' }));
    for (const [i, prod] of p.products.slice(0, 3).entries()) {
      const row = y + 56 + i * 56;
      out.push(t(80, row, 32, wrap(prod.name, 14, 1)[0] ?? '', { fill: '#333' }), t(W - 80, row, 34, formatYuan(prod.priceFen), { weight: 700, fill: '#fa541c', anchor: 'end' }));
    }
  }
  const qrSize = 300;
  const qrY = H - 60 - 90 - qrSize;
  out.push(placeQr(p.qrSvg, (W - qrSize) / 2, qrY, qrSize));
  out.push(t(W / 2, H - 100, 28, CALL[p.status], { fill: '#666', anchor: 'middle' }));
  if (p.membersOnly) out.push(t(W / 2, H - 64, 24, '仅限本店会员观看', { fill: '#999', anchor: 'middle' }));
  out.push('</svg>');
  return out.join('\n');
}
