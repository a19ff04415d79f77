import { describe, expect, it } from 'vitest';
import { localDate, noShowTimes, zonedInstant } from './schedule.js';

describe('no-show ladder times (store zone)', () => {
  it('reminds at 18:00 on the pickup day and closes at the start of the day after the grace days', () => {
    expect(noShowTimes('2026-11-27', 2, 'Asia/Shanghai')).toEqual({
      remindAt: new Date('2026-11-27T10:00:00Z'),
      closeAt: new Date('2026-11-29T16:00:00Z'), // 30 Nov 00:00 in Shanghai
    });
    expect(noShowTimes('2026-11-30', 0, 'Asia/Shanghai').closeAt).toEqual(new Date('2026-11-30T16:00:00Z'));
    expect(zonedInstant('2026-03-08', 0, 12, 'America/New_York')).toEqual(new Date('2026-03-08T16:00:00Z')); // after the DST change
    expect(localDate(new Date('2026-11-26T16:30:00Z'), 'Asia/Shanghai')).toBe('2026-11-27');
  });
});
