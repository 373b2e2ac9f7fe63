import { AsterismError, type ErrorCode } from '../domain/errors.ts';
import type { MetricListing } from '../metrics/listing.ts';
import type { QueryResult } from '../metrics/query.ts';
import type { QueryRequest } from '../metrics/request.ts';
import type { AsterismApi } from './asterism-api.ts';

/** Talks to a running `asterism serve` over its HTTP API. */
export class RemoteAsterism implements AsterismApi {
  readonly via = 'server' as const;
  constructor(readonly baseUrl: string) {}

  async metrics(): Promise<MetricListing[]> {
    const body = await this.get<{ metrics: MetricListing[] }>('/api/metrics');
    return body.metrics;
  }

  async query(request: QueryRequest): Promise<QueryResult> {
    const params = new URLSearchParams();
    request.metrics.forEach((m) => params.append('metric', m));
    (request.by ?? []).forEach((b) => params.append('by', b));
    for (const key of ['from', 'to', 'store', 'marketplace', 'asin', 'sku', 'currency'] as const) {
      const v = request[key];
      if (v !== undefined) params.set(key, v);
    }
    return this.get<QueryResult>(`/api/query?${params}`);
  }

  async close() {}

  private async get<T>(path: string): Promise<T> {
    let res: Response;
    try {
      res = await fetch(new URL(path, this.baseUrl));
    } catch (e) {
      throw new AsterismError('server_unreachable', `the server at ${this.baseUrl} holding this database does not answer (${(e as Error).message})`);
    }
    const body = (await res.json()) as T & { error?: { code: ErrorCode; message: string } };
    if (!res.ok) throw new AsterismError(body.error?.code ?? 'bad_request', body.error?.message ?? `HTTP ${res.status}`);
    return body;
  }
}
