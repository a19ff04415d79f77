import { describe, expect, it } from 'vitest';
import { formatCutoff, goalText } from './poster-svg.js';

describe('poster text', () => {
  it('shows the cut-off in the store zone, the 成团 goal, escapes markup and wraps long titles', () => {
    expect(formatCutoff(new Date('2026-11-26T12:00:00Z'), 'Asia/Shanghai')).toBe('11月26日 20:00');
    expect(formatCutoff(new Date('2026-11-26T16:30:00Z'), 'Asia/Shanghai')).toBe('11月27日 00:30');
    expect(goalText('buyers', 5)).toBe('满 5 人成团');
    expect(goalText('qty', 30)).toBe('满 30 份成团');
    expect(goalText('buyers', 0)).toContain('不设门槛');
  });
});
