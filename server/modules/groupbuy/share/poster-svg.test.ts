import { describe, expect, it } from 'vitest';
import { escapeXml, formatCutoff, goalText, placeQr, wrap } from './poster-svg.js';

describe('poster text', () => {
  it('shows the cut-off in the store zone, the 成团 goal, escapes markup and wraps long titles', () => {
    expect(formatCutoff(new Date('2026-11-26T12:00:00Z'), 'Asia/Shanghai')).toBe('11月26日 20:00');
    expect(formatCutoff(new Date('2026-11-26T16:30:00Z'), 'Asia/Shanghai')).toBe('11月27日 00:30');
    expect(goalText('buyers', 5)).toBe('满 5 人成团');
    expect(goalText('qty', 30)).toBe('满 30 份成团');
    expect(goalText('buyers', 0)).toContain('不设门槛');
    expect(escapeXml('<a & "b">')).toBe('&lt;a &amp; &quot;b&quot;&gt;');
    expect(wrap('一二三四五六七八九十', 4, 2)).toEqual(['一二三四', '五六七…']);
    expect(placeQr('<svg xmlns="x" viewBox="0 0 27 27"><path d="M0 0"/></svg>', 10, 20, 300)).toBe(
      '<svg x="10" y="20" width="300" height="300" viewBox="0 0 27 27" shape-rendering="crispEdges"><path d="M0 0"/></svg>',
    );
  });
});
