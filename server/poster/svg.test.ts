import { describe, expect, it } from 'vitest';
import { escapeXml, formatZhDateTime, placeQr, wrap } from './svg.js';

describe('poster text', () => {
  it('escapes markup, wraps long titles, places the QR and formats times in the store zone', () => {
    expect(escapeXml('<a & "b">')).toBe('&lt;a &amp; &quot;b&quot;&gt;');
    expect(wrap('一二三四五六七八九十', 4, 2)).toEqual(['一二三四', '五六七…']);
    expect(placeQr('<svg xmlns="x" viewBox="0 0 27 27"><path d="M0 0"/></svg>', 10, 20, 300)).toBe(
      '<svg x="10" y="20" width="300" height="300" viewBox="0 0 27 27" shape-rendering="crispEdges"><path d="M0 0"/></svg>',
    );
    expect(formatZhDateTime(new Date('2026-11-26T12:00:00Z'), 'Asia/Shanghai')).toBe('11月26日 20:00');
  });
});
