import type { AlertChannel, AlertRule, AlertRuleInput, AlertsAnswer, BenchmarkOverride, ChannelsAnswer, CostInput, CostRecord, DiagnoseAnswer, EventRecord, Finding, FunnelAnswer, FunnelRow, FxRate, ImportEntry, ImportJob, ImportUndone, KpiStatusAnswer, Metric, PriceSuggestion, Product, ProfitAnswer, QueryAnswer, RestockAnswer, Source, SpecialPeriod } from './types.ts';

import type { AdsAnswer, AdsExport, AdsHierarchy } from './ads-types.ts';

export type { ImportJob, UploadResult } from './types.ts';

/** A failed API call, with the server's error code and message (`{error: {code, message}}`). */
export class ApiError extends Error {
  constructor(readonly code: string, message: string, readonly status: number, readonly messageZh?: string) {
    super(message);
  }
}

type Params = Record<string, string | string[] | undefined>;

/** Sent with every request: the server refuses a state change without it, and a page of another site
 * cannot send it (it would need a CORS preflight, which the server answers with no permission). */
const trustHeaders = { 'X-Asterism-Request': '1' } as const;

function url(path: string, params: Params = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : value === undefined || value === '' ? [] : [value]) search.append(key, v);
  }
  const s = search.toString();
  return s ? `${path}?${s}` : path;
}

async function get<T>(path: string, params?: Params): Promise<T> {
  return send<T>('GET', url(path, params));
}

async function send<T>(method: string, path: string, payload?: unknown): Promise<T> {
  const init: RequestInit = { method, headers: { accept: 'application/json', ...trustHeaders, ...(payload === undefined ? {} : { 'content-type': 'application/json' }) } };
  if (payload !== undefined) init.body = JSON.stringify(payload);
  const response = await fetch(path, init);
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (body as { error?: { code?: string; message?: string; message_zh?: string } } | null)?.error;
    throw new ApiError(error?.code ?? 'http_error', error?.message ?? `${response.status} ${response.statusText}`, response.status, error?.message_zh);
  }
  return body as T;
}

/** Amazon sync (issue 18): the answers of GET /api/connections, GET /api/sync/status, POST /api/sync/run */
export interface ConnectionRow { api: 'sp' | 'ads'; store: string; region: string; marketplaces: string[]; profile_id: string | null; token_ok: boolean; token_error: string | null }
export interface SyncStateRow { store: string; marketplace: string; report_type: string; covered_from: string | null; covered_to: string | null; last_success: string | null; last_error: string | null; last_error_zh?: string | null; next_run: string | null }
/** POST /api/connections/amazon|ads: the secrets go in, never come back (the answer names the connection only) */
export interface ConnectInput { store: string; region: string; marketplace: string[]; client_id: string; client_secret: string; refresh_token: string; profile?: string }
export interface SyncRun { store: string; marketplace: string | null; report_type: string | null; from: string | null; to: string | null; status: string; rows: number; error: string | null }

/** One line of GET /api/audit: who changed what, when (UTC) and from where (an address, or `cli`). */
export interface AuditEntry { at: string; user: string; origin?: string; action: string; target: string | null; detail: string | null }

export interface Scope { store?: string; marketplace?: string; from?: string; to?: string; asin?: string }

type UploadAnswer = Partial<ImportJob> & { error?: { code?: string; message?: string; message_zh?: string } };
function parseUploadAnswer(text: string): UploadAnswer | null {
  try {
    return JSON.parse(text) as UploadAnswer;
  } catch {
    return null;
  }
}

export const api = {
  metrics: () => get<{ metrics: Metric[] }>('/api/metrics').then((a) => a.metrics),
  query: (p: Scope & { metric: string[]; by?: string[]; currency?: string; compare?: string; lineage?: 'true' }) => get<QueryAnswer>('/api/query', { ...p }),
  products: () => get<{ products: Product[] }>('/api/products').then((a) => a.products),
  kpiStatus: (p: { period?: string; owner?: string; currency?: string; pacing?: string }) => get<KpiStatusAnswer>('/api/kpi/status', { ...p }),
  kpiLock: (p: { period: string; currency?: string }) => send<KpiStatusAnswer>('POST', '/api/kpi/lock', p),
  alerts: (p: { state?: 'open' | 'resolved' } = {}) => get<AlertsAnswer>('/api/alerts', { ...p }),
  /** the audit log, newest first (issue 20): only for a user with the audit right (403 otherwise) */
  audit: (p: { user?: string; action?: string } = {}) => get<{ entries: AuditEntry[] }>('/api/audit', { ...p }).then((a) => a.entries),
  alertChannels: () => get<{ channels: AlertChannel[]; failing: AlertsAnswer['failing'] }>('/api/alerts/channels'),
  acknowledgeAlert: (id: number) => send<{ acknowledged: boolean }>('POST', '/api/alerts/acknowledge', { id }),
  snoozeAlert: (id: number, hours: number) => send<{ snoozed: boolean }>('POST', '/api/alerts/snooze', { id, hours }),
  alertRules: () => get<{ rules: AlertRule[] }>('/api/alerts/rules').then((a) => a.rules),
  addAlertRule: (r: AlertRuleInput) => send<{ rule: AlertRule }>('POST', '/api/alerts/rules', r).then((a) => a.rule),
  kpiPeriods: () => get<{ periods: SpecialPeriod[] }>('/api/kpi/periods').then((a) => a.periods),
  setKpiPeriod: (p: { name: string; from: string; to: string; note?: string }) => send<unknown>('PUT', '/api/kpi/periods', p),
  fxRates: () => get<{ rates: FxRate[] }>('/api/fx').then((a) => a.rates),
  setFxRates: (rates: FxRate[]) => send<{ rates: FxRate[] }>('PUT', '/api/fx', { rates }).then((a) => a.rates),
  benchmarks: () => get<{ overrides: BenchmarkOverride[] }>('/api/benchmarks').then((a) => a.overrides),
  setBenchmark: (o: Record<string, string | number | null>) => send<unknown>('PUT', '/api/benchmarks', o),
  removeBenchmark: (o: Record<string, string>) => send<unknown>('DELETE', '/api/benchmarks', o),
  funnel: (p: Scope & { compare?: string; by?: string[] }) => get<{ rows: FunnelRow[] }>('/api/funnel', { ...p }).then((a) => a.rows),
  /** the funnel with the server's notes (why an empty funnel is empty) */
  funnelAnswer: (p: Scope & { compare?: string; by?: string[]; q?: string; sort?: string; order?: string; limit?: string; offset?: string }) => get<FunnelAnswer>('/api/funnel', { ...p }),
  diagnose: (p: Scope & { by?: string[] }) => get<{ findings: Finding[] }>('/api/diagnose', { ...p }).then((a) => a.findings),
  /** the findings with, when there are none, the server's reason (no data in the period, every stage within benchmark …) */
  diagnoseAnswer: (p: Scope & { by?: string[]; currency?: string }) => get<DiagnoseAnswer>('/api/diagnose', { ...p }),
  profit: (p: Scope & { by?: string[]; basis?: 'order' | 'posted'; currency?: string }) => get<ProfitAnswer>('/api/profit', { ...p }),
  channels: (p: Scope & { currency?: string }) => get<ChannelsAnswer>('/api/channels', { ...p }),
  setCost: (c: CostInput) => send<{ cost: CostRecord }>('PUT', '/api/costs', c),
  events: (p: Scope) => get<{ events: EventRecord[] }>('/api/events', { ...p }).then((a) => a.events),
  addEvent: (e: { date: string; type: string; end_date?: string; asin?: string; marketplace?: string; store?: string; note?: string }) =>
    send<{ event: EventRecord }>('POST', '/api/events', e).then((a) => a.event),
  sources: () => get<{ sources: Source[] }>('/api/sources').then((a) => a.sources),
  imports: () => get<{ imports: ImportEntry[] }>('/api/imports').then((a) => a.imports),
  undoImport: (id: number) => send<ImportUndone>('POST', `/api/imports/${id}/undo`, {}),
  connections: () => get<{ connections: ConnectionRow[] }>('/api/connections').then((a) => a.connections),
  syncStatus: () => get<{ reports: SyncStateRow[] }>('/api/sync/status').then((a) => a.reports),
  syncRun: () => send<{ runs: SyncRun[] }>('POST', '/api/sync/run', {}),
  connect: (which: 'amazon' | 'ads', input: ConnectInput) =>
    send<{ connection: Omit<ConnectionRow, 'token_ok' | 'token_error'> }>('POST', `/api/connections/${which}`, input),
  importJob: (id: string) => get<ImportJob>(`/api/import/jobs/${encodeURIComponent(id)}`),
  priceSuggestions: (p: { status?: string; store?: string; marketplace?: string }) =>
    get<{ suggestions: PriceSuggestion[] }>('/api/price/suggestions', { ...p }).then((a) => a.suggestions),
  restock: (p: { store?: string; marketplace?: string; service_level?: string; floor_weeks?: string; freight_mode?: string; order_only?: string }) => get<RestockAnswer>('/api/restock', { ...p }),
  priceDecide: (action: 'approve' | 'reject', id: number, user: string, note: string) =>
    send<PriceSuggestion>('POST', `/api/price/${action}`, { id, user: user || undefined, note: note || undefined }),
  // the ads workbench (issue 21): asking stores the suggestions in the approval list, so it is a POST
  adsHierarchy: (p: Scope) => get<AdsHierarchy>('/api/ads/hierarchy', { store: p.store, marketplace: p.marketplace, from: p.from, to: p.to }),
  adsAsk: (question: 'terms' | 'negatives' | 'bids' | 'budgets', p: Scope) =>
    send<AdsAnswer>('POST', `/api/ads/${question}`, { store: p.store || undefined, marketplace: p.marketplace || undefined, from: p.from || undefined, to: p.to || undefined }),
  adsDecide: (action: 'approve' | 'reject', id: number, user: string, reason: string) =>
    send<AdsAnswer>('POST', `/api/ads/${action}`, { id, user: user || undefined, reason: reason || undefined }),
  adsExport: (p: Scope) => send<AdsExport>('POST', '/api/ads/export', { store: p.store || undefined, marketplace: p.marketplace || undefined }),
  /** Sends files to POST /api/upload?async=true and answers the import job the server queued for them; `onSent` hears
   * how much of the upload has gone (fetch cannot tell, XMLHttpRequest can). Follow the job with `importJob`. */
  upload: (files: readonly File[], options: Record<string, string>, onSent?: (loaded: number, total: number) => void): Promise<ImportJob> => {
    const form = new FormData();
    // options before files: the server reads the form as it streams in
    Object.entries(options).forEach(([k, v]) => { if (v) form.append(k, v); });
    files.forEach((f) => form.append('files', f, f.name));
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', '/api/upload?async=true');
      xhr.setRequestHeader('accept', 'application/json');
      Object.entries(trustHeaders).forEach(([k, v]) => xhr.setRequestHeader(k, v));
      xhr.upload.onprogress = (e) => { if (e.lengthComputable) onSent?.(e.loaded, e.total); };
      xhr.onerror = () => reject(new ApiError('network_error', 'the upload did not reach the server', 0));
      xhr.onload = () => {
        const body = parseUploadAnswer(xhr.responseText);
        if (xhr.status < 200 || xhr.status >= 300) reject(new ApiError(body?.error?.code ?? 'http_error', body?.error?.message ?? `${xhr.status}`, xhr.status, body?.error?.message_zh));
        else if (!body?.id) reject(new ApiError('http_error', `the server answered ${xhr.status} without an import job`, xhr.status));
        else resolve(body as ImportJob);
      };
      xhr.send(form);
    });
  },
};

