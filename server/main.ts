import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.js';
import { ConfigError, parseConfig } from './config.js';
import { migrate } from './db/migrate.js';
import { openDatabase } from './db/open.js';
import { seedDemoIfEmpty } from './seed/demo.js';

/** parse config → open db → migrate → seed → build app → listen */
async function main(): Promise<void> {
  let config;
  try {
    config = parseConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  const started = Date.now();
  const dataDir = resolve(config.DATA_DIR);
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir });
  await migrate(database);
  const seeded = config.SEED_DEMO ? await seedDemoIfEmpty(database.db) : null;
  const linli = await buildApp({
    config,
    database,
    logger: { level: config.LOG_LEVEL, transport: process.stdout.isTTY ? { target: 'pino-pretty' } : undefined },
    webDist: fileURLToPath(new URL('../web/dist', import.meta.url)),
  });
  await linli.app.listen({ port: config.PORT, host: config.HOST });
  linli.start();

  const base = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
  const where = database.kind === 'pglite' ? `PGlite in ${dataDir}` : 'PostgreSQL (DATABASE_URL)';
  console.log(
    [
      '',
      `  邻里 Linli is running (${where}, ready in ${Date.now() - started} ms)`,
      '',
      `  店主后台 Console   ${base}/console   (demo login: laozhao / linli-demo-2026)`,
      `  门店核销 Counter   ${base}/counter   (staff: xiaomei / linli-demo-2026)`,
      `  邻居商城 Shop      ${base}/shop/${seeded?.slug ?? 'xiangkou'}`,
      `  直播间   Live      ${base}/live`,
      `  API                ${base}/api/openapi.json`,
      '',
    ].join('\n'),
  );

  const stop = async (signal: string) => {
    console.log(`\n${signal}: closing…`);
    await linli.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
