/**
 * What others may see of a neighbour (PIPL Art. 6, minimum necessary): public lists, live
 * tickers and logs show 138****1234 and 张*, never the full phone or name. Staff and the
 * neighbour themself see the full values. Pure and browser-safe: web/ uses it too (the counter
 * tablet faces the queue).
 */

/** '13812341234' → '138****1234'; shorter numbers keep only their last two digits. */
export function maskPhone(phone: string): string {
  const p = phone.replace(/[\s-]/g, '').replace(/^(\+|00)?86(?=1\d{10}$)/, '');
  if (p.length >= 11) return `${p.slice(0, 3)}****${p.slice(-4)}`;
  if (p.length >= 6) return `****${p.slice(-2)}`;
  return p ? '****' : '';
}

/** '张伟' → '张*', '欧阳娜娜' → '欧**', 'Tom' → 'T**'; no name → '邻居'. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '邻居';
  return chars[0] + '*'.repeat(Math.min(Math.max(chars.length - 1, 1), 2));
}
