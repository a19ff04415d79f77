/** When the 未提货 ladder's steps fall, in the store's zone (times in the database stay UTC). */

/** The reminder goes out on the evening of the pickup day, at this hour store time. */
export const REMIND_HOUR = 18;
export const DEFAULT_GRACE_DAYS = 2;

/** Offset of `zone` from UTC at `at`, in ms (Asia/Shanghai: +8 h). */
function offsetMs(at: Date, zone: string): number {
  const p = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(at);
  const n = (t: string) => Number(p.find((x) => x.type === t)!.value);
  return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant of `hour`:00 on the calendar day `isoDate` + `addDays` in `zone`. */
export function zonedInstant(isoDate: string, addDays: number, hour: number, zone: string): Date {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d + addDays, hour);
  // twice: the offset at the guess may differ from the offset at the answer (a DST change)
  const first = guess - offsetMs(new Date(guess), zone);
  return new Date(guess - offsetMs(new Date(first), zone));
}

/** Reminder: the pickup day at 18:00. Close: the start of the day after the grace days. */
export function noShowTimes(pickupDate: string, graceDays: number, zone: string): { remindAt: Date; closeAt: Date } {
  return { remindAt: zonedInstant(pickupDate, 0, REMIND_HOUR, zone), closeAt: zonedInstant(pickupDate, 1 + graceDays, 0, zone) };
}

/** Today's calendar date in `zone` (YYYY-MM-DD). */
export function localDate(at: Date, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
