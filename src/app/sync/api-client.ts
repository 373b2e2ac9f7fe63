import { AsterismError } from '../../domain/errors.ts';
import { say } from '../../domain/messages.ts';
import type { LwaToken } from './lwa.ts';
import type { Operation } from './rate-limits.ts';
import { delay, Throttle } from './throttle.ts';

/** How long the sync waits between tries; the tests shorten it (ASTERISM_SYNC_WAIT_MS scales every wait). */
export interface Timing {
  /** first wait between polls of a report, doubled up to `pollMaxMs` */
  pollMs: number;
  pollMaxMs: number;
  /** give up polling a report after this long (it is asked for again at the next run) */
  pollTimeoutMs: number;
  /** first wait after a 429, 5xx or network error, doubled each time, with jitter */
  retryMs: number;
  /** tries after a 5xx or network error; after a 429 */
  serverRetries: number;
  throttleRetries: number;
}

export function timing(env: NodeJS.ProcessEnv = process.env): Timing {
  const scale = Number(env.ASTERISM_SYNC_WAIT_MS ?? '') > 0 ? Number(env.ASTERISM_SYNC_WAIT_MS) / 1000 : 1;
  return {
    pollMs: 5000 * scale, pollMaxMs: 60_000 * scale, pollTimeoutMs: 2 * 3600_000 * Math.max(scale, 0.01),
    retryMs: 1000 * scale, serverRetries: 4, throttleRetries: 10,
  };
}

export interface ApiAnswer {
  status: number;
  json: unknown;
  headers: Headers;
}

/**
 * One connection's calls: the access token added (and refreshed once on a 401), each operation held to its usage
 * plan, 429 answered by backing off exponentially with jitter (Retry-After when given), 5xx and network errors tried
 * again a bounded number of times. Any other answer that is not 2xx is an error naming the operation and Amazon's reason.
 */
export class ApiClient {
  readonly throttle: Throttle;

  constructor(
    /** the SP-API takes the token as x-amz-access-token, the Ads API as a bearer token */
    private readonly style: 'sp' | 'ads',
    private readonly base: string,
    private readonly token: LwaToken,
    private readonly wait: Timing,
    private readonly extraHeaders: Record<string, string> = {},
    private readonly fetchImpl: typeof fetch = fetch,
    throttle?: Throttle,
  ) {
    this.throttle = throttle ?? new Throttle();
  }

  async call(op: Operation, method: 'GET' | 'POST', path: string, options: { query?: Record<string, string | string[] | undefined>; body?: unknown; headers?: Record<string, string> } = {}): Promise<ApiAnswer> {
    const url = new URL(this.base + path);
    for (const [k, v] of Object.entries(options.query ?? {})) if (v !== undefined) url.searchParams.set(k, Array.isArray(v) ? v.join(',') : v);
    let refreshed = false;
    let serverTries = 0;
    let throttleTries = 0;
    for (;;) {
      await this.throttle.take(op);
      const token = await this.token.get();
      let response: Response;
      try {
        response = await this.fetchImpl(url, {
          method,
          headers: {
            ...(this.style === 'sp' ? { 'x-amz-access-token': token } : { authorization: `Bearer ${token}` }), accept: 'application/json', 'user-agent': 'Asterism/0.1 (Language=TypeScript)',
            ...(options.body === undefined ? {} : { 'content-type': 'application/json' }), ...this.extraHeaders, ...options.headers,
          },
          ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
        });
      } catch (e) {
        if (serverTries++ < this.wait.serverRetries) {
          await delay(backoff(this.wait.retryMs, serverTries));
          continue;
        }
        throw new AsterismError('server_unreachable', say('sync_network_error', { operation: op, host: url.host, reason: String((e as Error).cause ?? (e as Error).message) }));
      }
      this.throttle.observe(op, response.headers.get('x-amzn-ratelimit-limit'));
      if (response.status === 429 && throttleTries++ < this.wait.throttleRetries) {
        await response.body?.cancel();
        this.throttle.drain(op);
        const after = Number(response.headers.get('retry-after'));
        await delay(Number.isFinite(after) && after > 0 ? after * 1000 : backoff(this.wait.retryMs, throttleTries));
        continue;
      }
      if (response.status >= 500 && serverTries++ < this.wait.serverRetries) {
        await response.body?.cancel();
        await delay(backoff(this.wait.retryMs, serverTries));
        continue;
      }
      if ((response.status === 401 || response.status === 403) && !refreshed) {
        await response.body?.cancel();
        refreshed = true;
        await this.token.refresh();
        continue;
      }
      const text = await response.text();
      const json = text ? safeJson(text) : null;
      if (response.ok) return { status: response.status, json, headers: response.headers };
      throw new AsterismError('bad_request', say('sync_http_error', { operation: op, status: response.status, reason: amazonReason(json, text) }), { status: response.status });
    }
  }
}

/** exponential, with full jitter (half fixed, half random: never a herd, never zero) */
export function backoff(baseMs: number, attempt: number): number {
  const ceiling = baseMs * 2 ** Math.min(attempt - 1, 8);
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** SP-API errors are `{errors:[{code,message,details}]}`; Ads API's `{code, details}` or `{message}` */
function amazonReason(json: unknown, text: string): string {
  const o = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
  const errors = Array.isArray(o.errors) ? o.errors as Record<string, unknown>[] : [];
  const parts = errors.map((e) => [e.code, e.message, e.details].filter((v) => typeof v === 'string' && v).join(': '));
  if (parts.length) return parts.join('; ');
  const own = [o.code, o.message, o.details].filter((v) => typeof v === 'string' && v).join(': ');
  return own || text.slice(0, 200) || 'no reason given';
}
