import { describe, expect, it } from 'vitest';
import { maskName, maskPhone } from './privacy.js';

describe('maskPhone', () => {
  it('shows the first three and last four digits of a mainland mobile', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('+86 138 1234 1234')).toBe('138****1234');
  });

  it('never shows a short number whole', () => {
    expect(maskPhone('5550101')).toBe('****01');
    expect(maskPhone('1234')).toBe('****');
    expect(maskPhone('')).toBe('');
  });
});

describe('maskName', () => {
  it('keeps the first character and hides the rest with at most two stars', () => {
    expect(maskName('张伟')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧**');
    expect(maskName('Tom')).toBe('T**');
    expect(maskName('张')).toBe('张*');
  });

  it('calls a neighbour without a name 邻居', () => {
    expect(maskName('')).toBe('邻居');
    expect(maskName('   ')).toBe('邻居');
  });

  it('does not split a character outside the basic plane', () => {
    expect(maskName('𠮷野家')).toBe('𠮷**');
  });
});
