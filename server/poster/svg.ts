import QRCode from 'qrcode';

/** The font stack of every poster: Noto Sans CJK (fonts-noto-cjk) first. */
export const POSTER_FONT = `'Noto Sans CJK SC', 'Noto Sans CJK', 'Noto Sans SC', sans-serif`;

export function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** Splits text into lines of at most `em` full-width characters (latin counts about half). */
export function wrap(text: string, em: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  let width = 0;
  for (const ch of [...text]) {
    const w = /[\u0000-\u00ff]/.test(ch) ? 0.55 : 1;
    if (width + w > em) {
      lines.push(line);
      line = '';
      width = 0;
    }
    line += ch;
    width += w;
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    lines.length = maxLines;
    lines[maxLines - 1] = [...lines[maxLines - 1]!].slice(0, -1).join('') + '…';
  }
  return lines;
}

/** "11月26日 20:00" in the store's zone. */
export function formatZhDateTime(d: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('zh-CN', { timeZone, month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('month')}月${get('day')}日 ${get('hour')}:${get('minute')}`;
}

/** A QR code of `url` as an SVG document. */
export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
}

/** The QR document placed as a nested <svg> at (x, y) with side `size` (its own viewBox kept). */
export function placeQr(qr: string, x: number, y: number, size: number): string {
  const open = /<svg\b[^>]*>/.exec(qr);
  const viewBox = open ? /viewBox="([^"]+)"/.exec(open[0])?.[1] : undefined;
  if (!open || !viewBox) throw new Error('not a QR svg');
  const body = qr.slice(open.index + open[0].length, qr.lastIndexOf('</svg>'));
  return `<svg x="${x}" y="${y}" width="${size}" height="${size}" viewBox="${viewBox}" shape-rendering="crispEdges">${body}</svg>`;
}

/** A `<text>` element (escaped). */
export function svgText(x: number, y: number, size: number, text: string, o: { weight?: number; fill?: string; anchor?: string; extra?: string } = {}): string {
  return `<text x="${x}" y="${y}" font-size="${size}" font-weight="${o.weight ?? 400}" fill="${o.fill ?? '#333'}" text-anchor="${o.anchor ?? 'start'}" ${o.extra ?? ''}>${escapeXml(text)}</text>`;
}
