import { AsterismError, type ErrorCode } from '../domain/errors.ts';
import { both, say } from '../domain/messages.ts';
import { resolve } from 'node:path';
import type { FileResult, ImportOptions, SourceEntry } from '../ingest/index.ts';
import type { MetricListing } from '../metrics/listing.ts';
import type { FxRate } from '../store/fx-rates.ts';
import type { QueryResult } from '../metrics/query.ts';
import type { QueryRequest } from '../metrics/request.ts';
import type { AsterismApi } from './asterism-api.ts';
import { operations, type OperationInput, type OperationName, type OperationOutput } from './operations.ts';

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
    for (const key of ['from', 'to', 'store', 'marketplace', 'asin', 'sku', 'currency', 'compare', 'basis'] as const) {
      const v = request[key];
      if (v !== undefined) params.set(key, v);
    }
    return this.get<QueryResult>(`/api/query?${params}`);
  }

  /** The server runs on this machine (its server file sits beside the database), so it reads the same paths. */
  async importFiles(files: string[], options: ImportOptions, onFile?: (result: FileResult, index: number, total: number) => void) {
    const answer = await this.request<{ files: FileResult[] }>('/api/import', { method: 'POST', body: JSON.stringify({ files: files.map((f) => resolve(f)), ...options }), headers: { 'content-type': 'application/json' } });
    answer.files.forEach((r, i) => onFile?.(r, i, answer.files.length));
    return answer;
  }

  async sources(): Promise<SourceEntry[]> {
    return (await this.get<{ sources: SourceEntry[] }>('/api/sources')).sources;
  }

  async fxRates(): Promise<FxRate[]> {
    return (await this.get<{ rates: FxRate[] }>('/api/fx')).rates;
  }

  async setFxRates(rates: FxRate[]): Promise<void> {
    await this.request('/api/fx', { method: 'PUT', body: JSON.stringify({ rates }), headers: { 'content-type': 'application/json' } });
  }

  async run<K extends OperationName>(name: K, input: OperationInput<K>): Promise<OperationOutput<K>> {
    const op = operations[name];
    if (op.method === 'get') {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(input as Record<string, unknown>)) {
        if (v === undefined || v === null) continue;
        (Array.isArray(v) ? v : [v]).forEach((x) => params.append(k, String(x)));
      }
      return this.request<OperationOutput<K>>(`${op.path}?${params}`);
    }
    return this.request<OperationOutput<K>>(op.path, { method: op.method.toUpperCase(), body: JSON.stringify(input), headers: { 'content-type': 'application/json' } });
  }

  async close() {}

  private get<T>(path: string): Promise<T> {
    return this.request<T>(path);
  }

  private async request<T>(path: string, init?: RequestInit): Promise<T> {
    let res: Response;
    try {
      res = await fetch(new URL(path, this.baseUrl), init);
    } catch (e) {
      throw new AsterismError('server_unreachable', say('server_unreachable', { url: this.baseUrl, reason: both((e as Error).message) }));
    }
    const body = (await res.json()) as T & { error?: { code: ErrorCode; message: string; message_en?: string; message_zh?: string } };
    const error = body.error;
    // the server's catalog texts come along, so the CLI speaks its own language
    if (!res.ok) throw new AsterismError(error?.code ?? 'bad_request', error?.message_en && error.message_zh ? { en: error.message_en, zh: error.message_zh } : error?.message ?? `HTTP ${res.status}`);
    return body;
  }
}
