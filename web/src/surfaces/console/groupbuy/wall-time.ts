import dayjs, { type Dayjs } from 'dayjs';

/**
 * The console types times in the store's zone (Asia/Shanghai, UTC+8 all year, no DST), whatever
 * the browser's own zone is: a picker value is a wall-clock time there, the wire is UTC ISO.
 */
const OFFSET = '+08:00';
const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** "2026-11-25T20:00" in the store's zone */
export function wallOf(iso: string | Date): string {
  const p = Object.fromEntries(parts.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** a picker value (local fields = the store's wall clock) for an instant */
export function pickerOf(iso: string | Date): Dayjs {
  return dayjs(wallOf(iso));
}

/** the instant a picker value means in the store's zone, as UTC ISO */
export function isoOfPicker(d: Dayjs): string {
  return new Date(`${d.format('YYYY-MM-DDTHH:mm')}:00${OFFSET}`).toISOString();
}

/** defaults for a new campaign: open now, cut-off tonight 22:00 (tomorrow when it is late), pickup the day after */
export function defaultTimes(now = new Date()): { openAt: Dayjs; cutoffAt: Dayjs; pickupDate: Dayjs } {
  const wall = dayjs(wallOf(now));
  let cutoff = wall.hour(22).minute(0).second(0);
  if (wall.hour() >= 20) cutoff = cutoff.add(1, 'day');
  return { openAt: wall.second(0), cutoffAt: cutoff, pickupDate: cutoff.add(1, 'day').startOf('day') };
}
