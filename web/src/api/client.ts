import i18next from 'i18next';

/**
 * The one way the web app talks to the server: JSON, same-origin cookies, the CSRF header on
 * every call, an Idempotency-Key on the writes that take one, and `{ code, message, details }`
 * error bodies turned into a thrown ApiError (each surface shows it with its own toast).
 */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: Record<string, unknown>;
  constructor(code: string, status: number, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.details = details;
  }
  /** the server gave a definite answer: retrying the same request will not change it */
  get definite(): boolean {
    return this.status >= 400 && this.status < 500 && this.code !== 'IDEMPOTENCY_IN_PROGRESS' && this.code !== 'RATE_LIMITED';
  }
}

export function isApiError(e: unknown, code?: string): e is ApiError {
  return e instanceof ApiError && (code === undefined || e.code === code);
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | boolean | null | undefined>;
  /** same key for every retry of one user action; the server answers a replay with the first result */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

const NETWORK_RETRIES = 2;

function url(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v != null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

async function toApiError(res: Response): Promise<ApiError> {
  const text = await res.text().catch(() => '');
  try {
    const b = JSON.parse(text) as { code?: string; message?: string; details?: Record<string, unknown> };
    if (b && typeof b.code === 'string') return new ApiError(b.code, res.status, b.message ?? b.code, b.details ?? {});
  } catch {
    /* not JSON: a proxy or a crash page */
  }
  return new ApiError(`HTTP_${res.status}`, res.status, i18next.t('common.serverError', { status: res.status }));
}

export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? (opts.body === undefined ? 'GET' : 'POST');
  const headers: Record<string, string> = { accept: 'application/json', 'x-linli-csrf': '1' };
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) body = opts.body;
  else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (opts.idempotencyKey) headers['idempotency-key'] = opts.idempotencyKey;
  // Reads and keyed writes are safe to resend after a dropped connection; other writes are not.
  const retries = method === 'GET' || opts.idempotencyKey ? NETWORK_RETRIES : 0;
  for (let attempt = 0; ; attempt++) {
    let res: Response;
    try {
      res = await fetch(url(path, opts.query), { method, headers, body, credentials: 'same-origin', signal: opts.signal });
    } catch (e) {
      if (opts.signal?.aborted) throw e;
      if (attempt < retries) {
        await new Promise((r) => setTimeout(r, 400 * (attempt + 1)));
        continue;
      }
      throw new ApiError('NETWORK', 0, i18next.t('common.networkError'));
    }
    if (res.ok) {
      if (res.status === 204) return undefined as T;
      const text = await res.text();
      return (text ? JSON.parse(text) : undefined) as T;
    }
    throw await toApiError(res);
  }
}

export const get = <T>(path: string, query?: RequestOptions['query'], signal?: AbortSignal) => api<T>(path, { query, signal });
export const post = <T>(path: string, body: unknown = {}, idempotencyKey?: string) => api<T>(path, { method: 'POST', body, idempotencyKey });
export const patch = <T>(path: string, body: unknown) => api<T>(path, { method: 'PATCH', body });
