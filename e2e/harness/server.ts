import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, type WriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/**
 * Starts the real product as a child process, as `npm start` does (minus the web build, which
 * the e2e global setup does once): `node --import tsx server/main.ts` with its own port, RTMP
 * port and data dir (PGlite) or DATABASE_URL (PostgreSQL), and waits for /api/health.
 * One process (no tsx wrapper), so its pid is the server's pid: what the PGlite lock records.
 *
 * Each start's output goes to artifacts/e2e-logs/<name>.log and is printed when the start fails.
 */
export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const LOG_DIR = join(ROOT, 'artifacts', 'e2e-logs');

export interface StartOptions {
  /** names the log file; default linli-<n> */
  name?: string;
  /** PGlite data dir to use (kept after stop); a fresh temp dir (removed on stop) when omitted */
  dataDir?: string;
  /** PostgreSQL instead of PGlite */
  databaseUrl?: string;
  /** SEED_DEMO, default true */
  seedDemo?: boolean;
  /** extra environment for the server */
  env?: Record<string, string>;
  /** how long to wait for /api/health; default 120 s (a first start migrates and seeds) */
  timeoutMs?: number;
}

export interface LinliServer {
  url: string;
  port: number;
  rtmpPort: number;
  dataDir: string;
  pid: number;
  /** ms from spawn until /api/health answered 200 */
  readyMs: number;
  /** everything the server printed so far */
  output(): string;
  /** SIGTERM (graceful: closes the db and releases the data dir), SIGKILL after 10 s */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const running = new Set<ChildProcess>();
let counter = 0;

// never leave a server behind when the test process goes away
process.once('exit', () => {
  for (const c of running) c.kill('SIGKILL');
});

export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.unref();
    s.on('error', rej);
    s.listen(0, () => {
      const addr = s.address();
      s.close(() => (typeof addr === 'object' && addr ? res(addr.port) : rej(new Error('no port'))));
    });
  });
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `${prefix}-`));
}

interface Spawned {
  child: ChildProcess;
  port: number;
  rtmpPort: number;
  dataDir: string;
  ownsDataDir: boolean;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  log: WriteStream;
  name: string;
}

async function spawnLinli(opts: StartOptions): Promise<Spawned> {
  const name = opts.name ?? `linli-${++counter}`;
  const port = await freePort();
  const rtmpPort = await freePort();
  const ownsDataDir = !opts.dataDir;
  const dataDir = opts.dataDir ?? tempDir('linli-e2e-data');
  // the product's environment as `npm start` would see it: none of the test runner's variables
  // (vitest sets NODE_ENV=test, VITEST_*, MODE …), no DATABASE_URL / REDIS_URL unless asked for
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k, v]) => v !== undefined && !/^(VITEST.*|TEST|NODE_ENV|MODE|DEV|PROD|SSR|BASE_URL|DATABASE_URL|REDIS_URL)$/.test(k),
    ),
  ) as Record<string, string>;
  const env: Record<string, string> = {
    ...inherited,
    PORT: String(port),
    RTMP_PORT: String(rtmpPort),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    SEED_DEMO: opts.seedDemo === false ? '0' : '1',
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
    ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl } : {}),
    ...opts.env,
  };

  mkdirSync(LOG_DIR, { recursive: true });
  const log = createWriteStream(join(LOG_DIR, `${name}.log`));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let out = '';
  const keep = (b: Buffer) => {
    const s = b.toString();
    out = (out + s).slice(-200_000);
    log.write(s);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) => {
    child.once('exit', (code, signal) => {
      running.delete(child);
      res({ code, signal });
    });
  });
  void exited.then(() => log.end());
  return { child, port, rtmpPort, dataDir, ownsDataDir, output: () => out, exited, log, name };
}

/** Starts Linli and resolves once GET /api/health answers 200. */
export async function startLinli(opts: StartOptions = {}): Promise<LinliServer> {
  const t0 = Date.now();
  const s = await spawnLinli(opts);
  const url = `http://127.0.0.1:${s.port}`;
  const deadline = t0 + (opts.timeoutMs ?? 120_000);
  let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  void s.exited.then((e) => (exit = e));
  for (;;) {
    if (exit) {
      throw new Error(`Linli (${s.name}) exited with ${exit.code ?? exit.signal} before it was healthy:\n${s.output()}`);
    }
    if (Date.now() > deadline) {
      s.child.kill('SIGKILL');
      throw new Error(`Linli (${s.name}) did not answer ${url}/api/health within ${opts.timeoutMs ?? 120_000} ms:\n${s.output()}`);
    }
    try {
      const r = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  const readyMs = Date.now() - t0;
  let stopped: Promise<{ code: number | null; signal: NodeJS.Signals | null }> | undefined;
  return {
    url,
    port: s.port,
    rtmpPort: s.rtmpPort,
    dataDir: s.dataDir,
    pid: s.child.pid!,
    readyMs,
    output: s.output,
    stop() {
      stopped ??= (async () => {
        if (s.child.exitCode === null && s.child.signalCode === null) {
          s.child.kill('SIGTERM');
          const timer = setTimeout(() => s.child.kill('SIGKILL'), 10_000);
          const r = await s.exited;
          clearTimeout(timer);
          if (s.ownsDataDir) rmSync(s.dataDir, { recursive: true, force: true });
          return r;
        }
        const r = await s.exited;
        if (s.ownsDataDir) rmSync(s.dataDir, { recursive: true, force: true });
        return r;
      })();
      return stopped;
    },
  };
}

/**
 * Starts Linli expecting it to refuse to start; resolves with its exit code and output
 * (fails if it is still running after `timeoutMs`, and then kills it).
 */
export async function startLinliExpectingExit(
  opts: StartOptions & { timeoutMs?: number },
): Promise<{ code: number | null; output: string; ms: number }> {
  const t0 = Date.now();
  const s = await spawnLinli({ ...opts, dataDir: opts.dataDir });
  const timeout = opts.timeoutMs ?? 60_000;
  const r = await Promise.race([s.exited, sleep(timeout).then(() => null)]);
  if (!r) {
    s.child.kill('SIGKILL');
    await s.exited;
    throw new Error(`Linli (${s.name}) was expected to refuse to start but still runs after ${timeout} ms:\n${s.output()}`);
  }
  if (s.ownsDataDir) rmSync(s.dataDir, { recursive: true, force: true });
  return { code: r.code, output: s.output(), ms: Date.now() - t0 };
}

/**
 * A fresh, empty PostgreSQL database for one product start (E2E on PostgreSQL), dropped by
 * `drop()`. `baseUrl` defaults to TEST_DATABASE_URL or the local server.
 */
export async function createPostgresDatabase(
  baseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `linli_e2e_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(baseUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      const a = new pg.Client({ connectionString: baseUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

/** Minimal API client for set-up steps: keeps cookies, sends the CSRF header. */
export class ApiClient {
  private cookies = new Map<string, string>();
  constructor(readonly baseUrl: string) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request<T = unknown>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: T }> {
    const r = await fetch(this.baseUrl + path, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(method === 'GET' ? {} : { 'x-linli-csrf': '1' }),
        ...(this.cookies.size ? { cookie: this.cookieHeader() } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      redirect: 'manual',
    });
    for (const c of r.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      const k = pair!.slice(0, eq).trim();
      const v = pair!.slice(eq + 1).trim();
      if (v === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(c)) this.cookies.delete(k);
      else this.cookies.set(k, v);
    }
    const text = await r.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON
    }
    return { status: r.status, body: parsed as T };
  }

  get<T = unknown>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = unknown>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', path, body ?? {}, headers);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
