/** Times come as UTC ISO strings and are shown in the store's zone (Asia/Shanghai by default). */
const ZONE = 'Asia/Shanghai';

const fmt = new Map<string, Intl.DateTimeFormat>();
function formatter(lang: string, withDate: boolean): Intl.DateTimeFormat {
  const k = `${lang}|${withDate}`;
  let f = fmt.get(k);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', {
      timeZone: ZONE,
      hour12: false,
      hour: '2-digit',
      minute: '2-digit',
      ...(withDate ? { year: 'numeric', month: '2-digit', day: '2-digit' } : {}),
    });
    fmt.set(k, f);
  }
  return f;
}

export function formatTime(iso: string | Date | null | undefined, lang = 'zh-CN'): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '—' : formatter(lang, true).format(d);
}

export function formatClock(iso: string | Date | null | undefined, lang = 'zh-CN'): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '—' : formatter(lang, false).format(d);
}
