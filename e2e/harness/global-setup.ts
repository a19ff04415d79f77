import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM } from './browser.js';
import { ROOT } from './server.js';

/**
 * Once per e2e run: fresh artifacts (screenshots, server logs), the web app built if stale (a
 * no-op after `npm run build:web`), and a clear message when Chromium is missing.
 */
export default function setup(): void {
  for (const d of ['screenshots', 'e2e-logs']) rmSync(join(ROOT, 'artifacts', d), { recursive: true, force: true });
  if (!existsSync(CHROMIUM)) {
    throw new Error(`e2e needs Chromium at ${CHROMIUM}: apt-get install -y --no-install-recommends chromium (or set CHROMIUM_PATH)`);
  }
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-web-if-stale.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('e2e: building the web app failed (see above)');
}
