import { Resvg } from '@resvg/resvg-js';
import { cjkFontFiles } from './fonts.js';

/** SVG → PNG `width` wide, with the machine's CJK fonts (system fonts too, so something renders without them). */
export function renderPng(svg: string, width: number, warn: (msg: string) => void): Buffer {
  const fontFiles = cjkFontFiles(warn);
  const r = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    font: { fontFiles, loadSystemFonts: fontFiles.length === 0, defaultFontFamily: fontFiles.length > 0 ? 'Noto Sans CJK SC' : 'sans-serif' },
  });
  return r.render().asPng();
}
