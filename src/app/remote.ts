import { AsterismError, type ErrorCode } from '../domain/errors.ts';
import type { FileResult, ImportOptions, ReadingProgress, SourceEntry } from '../ingest/index.ts';
import { both, say } from '../domain/messages.ts';
import type { MetricListing } from '../metrics/listing.ts';
import type { FxRate } from '../store/fx-rates.ts';
import type { QueryResult } from '../metrics/query.ts';
import type { QueryRequest } from '../metrics/request.ts';
import type { AsterismApi } from './asterism-api.ts';
import type { ImportJob } from './import-jobs.ts';
import { followImportJob, postMultipart, uploadPlan, type UploadFile } from './remote-upload.ts';
import { operations, type OperationName, type OperationOutput, type OperationRequest } from './operations.ts';

const asterismRequestHeader = 'X-Asterism-Request';

/** Talks to a running `asterism serve` over its HTTP API. */
export class RemoteAsterism implements AsterismApi {
  readonly via = 'server' as const;
  /** `token`: the server's local token (`<db>.token`) or an API token, sent as a Bearer token */
  constructor(readonly baseUrl: string, private readonly token?: string) {}

  private get auth(): Record<string, string> {
    return this.token ? { authorization: `Bearer ${this.token}` } : {};
  }

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
    if (request.lineage) params.set('lineage', 'true');
    return this.get<QueryResult>(`/api/query?${params}`);
  }

  /** The files are uploaded (streamed from disk), not named by path: the server reads paths only under its
   * --import-dir folders, which a user need not have given. Files that cannot be read here fail alone. */
  async importFiles(
    files: string[], options: ImportOptions, onFile?: (result: FileResult, index: number, total: number) => void,
    onReading?: (progress: ReadingProgress) => void,
  ) {
    const { fields, uploads, sent, unreadable } = await uploadPlan(files, options);
    const results: (FileResult | undefined)[] = files.map((_, i) => unreadable.get(i));
    if (sent.length > 0) {
      const job = await this.upload<ImportJob>('/api/upload?async=true', fields, uploads);
      const uploaded = await followImportJob(job, (id) => this.get<ImportJob>(`/api/import/jobs/${encodeURIComponent(id)}`),
        (result, k) => onFile?.({ ...result, file: files[sent[k]!]! }, sent[k]!, files.length),
        (progress, k) => onReading?.({ ...progress, file: files[sent[k]!]! }));
      uploaded.forEach((result, k) => (results[sent[k]!] = { ...result, file: files[sent[k]!]! }));
    }
    unreadable.forEach((result, i) => onFile?.(result, i, files.length));
    return { files: results.filter((r): r is FileResult => r !== undefined) };
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

  async run<K extends OperationName>(name: K, input: OperationRequest<K>): Promise<OperationOutput<K>> {
    const op = operations[name];
    if (op.method === 'get') {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(input as Record<string, unknown>)) {
        if (v === undefined || v === null) continue;
        (Array.isArray(v) ? v : [v]).forEach((x) => params.append(k, String(x)));
      }
      return this.request<OperationOutput<K>>(`${op.path}?${params}`);
    }
    // a path such as /api/imports/{id}/undo takes its parameters from the input
    const path = op.path.replace(/\{(\w+)\}/g, (_, key: string) => encodeURIComponent(String((input as Record<string, unknown>)[key])));
    return this.request<OperationOutput<K>>(path, { method: op.method.toUpperCase(), body: JSON.stringify(input), headers: { 'content-type': 'application/json' } });
  }

  async close() {}

  private get<T>(path: string): Promise<T> {
    return this.request<T>(path);
  }

  private async request<T>(path: string, init: RequestInit = {}): Promise<T> {
    let res: Response;
    try {
      // the header the server asks of every state change (a page of another site cannot send it)
      res = await fetch(new URL(path, this.baseUrl), { ...init, headers: { ...(init.headers as Record<string, string> | undefined), ...this.auth, [asterismRequestHeader]: '1' } });
    } catch (e) {
      throw this.unreachable(e);
    }
    return answer<T>(res.status, await res.text());
  }

  private async upload<T>(path: string, fields: readonly [string, string][], files: readonly UploadFile[]): Promise<T> {
    let res: { status: number; text: string };
    try {
      res = await postMultipart(new URL(path, this.baseUrl), fields, files, { ...this.auth, [asterismRequestHeader]: '1', accept: 'application/json' });
    } catch (e) {
      throw this.unreachable(e);
    }
    return answer<T>(res.status, res.text);
  }

  private unreachable(e: unknown): AsterismError {
    return new AsterismError('server_unreachable', say('server_unreachable', { url: this.baseUrl, reason: both((e as Error).message) }));
  }
}

function answer<T>(status: number, text: string): T {
  let body: T & { error?: { code: ErrorCode; message: string; message_en?: string; message_zh?: string } };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    throw new AsterismError('server_unreachable', say('server_without_json', { status }));
  }
  const error = body.error;
  // the server's catalog texts come along, so the CLI speaks its own language
  if (status < 200 || status >= 300) {
    throw new AsterismError(error?.code ?? 'bad_request', error?.message_en && error.message_zh ? { en: error.message_en, zh: error.message_zh } : error?.message ?? `HTTP ${status}`);
  }
  return body;
}
