import { z } from 'zod';

/**
 * The environment, parsed once at boot. Nothing else reads process.env. A bad value stops the
 * start with a message that names the variable.
 */
const port = (def: number) =>
  z.coerce.number().int().min(1).max(65535).default(def);

const schema = z.object({
  PORT: port(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must start with redis:// or rediss://').optional(),
  /** RTMP ingest of node-media-server (OBS / phone apps push here); 0 = any free port (tests) */
  RTMP_PORT: z.coerce.number().int().min(0).max(65535).default(1935),
  /** seconds a live show waits for its host to reconnect before it ends */
  LIVE_GRACE_SECONDS: z.coerce.number().min(0).max(3600).default(60),
  /** ffmpeg for HLS and recordings; looked up in PATH when unset; live video works without it */
  FFMPEG_PATH: z.string().min(1).optional(),
  PUBLIC_URL: z.url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** seeds the demo store 巷口优选 into an empty database */
  SEED_DEMO: z.enum(['0', '1']).default('1').transform((v) => v === '1'),
  /** HMAC secret of the sandbox payment provider's notifications */
  PAYMENT_SANDBOX_SECRET: z.string().min(16).default('linli-sandbox-secret-change-me'),
});

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {}

export function parseConfig(env: Record<string, string | undefined>): Config {
  // an empty variable means "not set"
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const r = schema.safeParse(cleaned);
  if (r.success) return r.data;
  const lines = r.error.issues.map((i) => `  ${i.path.join('.')}=${JSON.stringify(env[String(i.path[0])] ?? '')}: ${i.message}`);
  throw new ConfigError(`Linli cannot start: the environment has a bad value\n${lines.join('\n')}`);
}
