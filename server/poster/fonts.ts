import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Where fonts-noto-cjk puts its files on Debian; used when fc-list is not there. */
const KNOWN_DIRS = ['/usr/share/fonts/opentype/noto', '/usr/share/fonts/truetype/noto', '/usr/share/fonts/noto-cjk'];

let found: string[] | undefined;

/**
 * CJK font files of this machine (Noto Sans CJK first), looked up once: `fc-list :lang=zh file`,
 * else the known Debian folders. Empty when none is installed (the poster then uses whatever
 * system fonts there are and Chinese may show as boxes; `warn` is called once).
 */
export function cjkFontFiles(warn: (msg: string) => void): string[] {
  if (found) return found;
  let files: string[] = [];
  try {
    const out = execFileSync('fc-list', [':lang=zh', 'file'], { encoding: 'utf8', timeout: 5_000 });
    files = out.split('\n').map((l) => l.replace(/:\s*$/, '').trim()).filter((f) => f && existsSync(f));
  } catch {
    for (const dir of KNOWN_DIRS) {
      if (!existsSync(dir)) continue;
      files.push(...readdirSync(dir).filter((f) => /CJK.*\.(ttc|otf|ttf)$/i.test(f)).map((f) => join(dir, f)));
    }
  }
  // sans before serif, regular and bold only: the poster uses two weights of one family
  const rank = (f: string) => (/Sans/i.test(f) ? 0 : 2) + (/(Regular|Bold)\./i.test(f) ? 0 : 1);
  found = files.filter((f) => /\.(ttc|otf|ttf)$/i.test(f)).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  if (found.length === 0) warn('poster: no CJK font found (install fonts-noto-cjk); Chinese text may not render');
  return found;
}
