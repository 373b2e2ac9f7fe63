import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Cron } from 'croner';
import { AsterismError } from '../../domain/errors.ts';
import { todayIn } from '../../domain/local-date.ts';
import { marketplaceByCode, type Marketplace } from '../../domain/marketplaces.ts';
import { both, say, type Lang, type Texts } from '../../domain/messages.ts';
import { importFiles, type FileResult } from '../../ingest/index.ts';
import { freshRollup } from '../../metrics/rollup-refresh.ts';
import { credentials, listConnections, type Connection } from '../../store/amazon-connections.ts';
import type { Database } from '../../store/database.ts';
import { listSyncState, recordCovered, recordError, recordNextRun, scheduleOverrides, syncStateOf } from '../../store/sync-state.ts';
import { ApiClient, timing, type Timing } from './api-client.ts';
import { endpoints, type Region } from './endpoints.ts';
import { LwaToken } from './lwa.ts';
import { checkRange, chunksFor, coveredAfter, localEnd, localStart, type Chunk } from './plan.ts';
import { ReportsApi } from './reports-api.ts';
import { syncReport, syncReports, type SyncReport } from './report-types.ts';
import { adsSyncReport, adsSyncReports, type AdsSyncReport } from './ads-report-types.ts';
import { AdsReports } from './ads-reports.ts';
import { pullMarket } from './market.ts';

/** One request's outcome: the `asterism sync run --json` contract (issue 18). */
export interface SyncRun {
  store: string;
  marketplace: string | null;
  report_type: string | null;
  from: string | null;
  to: string | null;
  status: 'imported' | 'unchanged' | 'no_data' | 'error';
  rows: number;
  error: string | null;
}

export interface SyncRequest {
  store?: string | undefined;
  reports?: readonly string[] | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** Where a store × report type stands while `sync run` works through its chunks (the terminal's bars, the API's job). */
export interface SyncProgress {
  store: string;
  marketplace: string | null;
  report_type: string | null;
  /** chunks (requests of one range) done, of `total` planned */
  done: number;
  total: number;
  rows: number;
  state: 'running' | 'done' | 'error';
}

export interface SyncOptions {
  env?: NodeJS.ProcessEnv;
  lang?: Lang;
  /** hears of each run as it ends */
  onRun?: (run: SyncRun) => void;
  /** hears of each store × report type as it starts and after each of its chunks */
  onProgress?: (progress: SyncProgress) => void;
}

/** A run as the sync works it out: its error in both languages until the caller's language is chosen. */
type Run = Omit<SyncRun, 'error'> & { error: Texts | null };
type Push = (run: Run) => void;

/** Counts one store × report type's chunks for `onProgress`. */
class Tally {
  private done = 0;
  private rows = 0;
  constructor(private readonly report: (p: SyncProgress) => void, private readonly where: Pick<SyncProgress, 'store' | 'marketplace' | 'report_type'>, private readonly total: number) {
    this.send('running');
  }

  chunk(run: Run): void {
    this.done++;
    this.rows += run.rows;
    this.send(run.status === 'error' ? 'error' : this.done >= this.total ? 'done' : 'running');
  }

  failed(): void {
    this.send('error');
  }

  private send(state: SyncProgress['state']): void {
    this.report({ ...this.where, done: this.done, total: this.total, rows: this.rows, state });
  }
}

/**
 * Pulls every connected store's reports for its marketplaces and hands each document to the importers, exactly as a
 * downloaded file would be. One report type's (or store's) failure is recorded with its reason and the others go on.
 */
export async function runSync(db: Database, request: SyncRequest, options: SyncOptions = {}): Promise<{ runs: SyncRun[] }> {
  checkRange(request);
  const { reports, ads } = chosenReports(request.reports);
  const inStore = (c: Connection) => !request.store || c.store === request.store;
  const connections = reports.length ? (await listConnections(db, 'sp')).filter(inStore) : [];
  const adsConnections = ads.length ? (await listConnections(db, 'ads')).filter(inStore) : [];
  if (connections.length === 0 && adsConnections.length === 0) {
    throw new AsterismError('not_found', request.store
      ? say('sync_not_connected', { store: request.store, api: 'SP-API', command: 'amazon' })
      : say('sync_no_connections'));
  }
  const env = options.env ?? process.env;
  const lang = options.lang ?? 'en';
  const runs: SyncRun[] = [];
  const push: Push = (run) => {
    const said = { ...run, error: run.error && run.error[lang] };
    runs.push(said);
    options.onRun?.(said);
  };
  const progress = options.onProgress ?? (() => undefined);
  const wait = timing(env);
  const schedule = await scheduleOverrides(db);
  for (const connection of connections) {
    const api = await reportsApiFor(db, connection, wait, env);
    try {
      await api.token.get();
    } catch (e) {
      // a refused refresh token: one message for the store, and its reason beside each report type it stops (sync
      // status, the Data page); covered ranges and data untouched
      const error = textsOf(e);
      push({ store: connection.store, marketplace: null, report_type: null, from: null, to: null, status: 'error', rows: 0, error });
      for (const code of connection.marketplaces) {
        for (const report of reports) {
          await recordError(db, { store: connection.store, marketplace: code, reportType: report.reportType }, error);
          progress({ store: connection.store, marketplace: code, report_type: report.reportType, done: 0, total: 0, rows: 0, state: 'error' });
        }
      }
      continue;
    }
    for (const code of connection.marketplaces) {
      const marketplace = marketplaceByCode(code);
      if (!marketplace) continue;
      for (const report of reports) {
        const key = { store: connection.store, marketplace: marketplace.code, reportType: report.reportType };
        try {
          await syncReportType(db, api, report, connection.store, marketplace, request, push, progress);
        } catch (e) {
          const error = textsOf(e);
          await recordError(db, key, error);
          progress({ store: connection.store, marketplace: marketplace.code, report_type: report.reportType, done: 0, total: 0, rows: 0, state: 'error' });
          push({ store: connection.store, marketplace: marketplace.code, report_type: report.reportType, from: request.from ?? null, to: request.to ?? null, status: 'error', rows: 0, error });
          if (e instanceof AsterismError && e.details?.auth) break;
        }
        await recordNextRun(db, key, nextRun(schedule.get(report.reportType)?.cron ?? report.cron, schedule.get(report.reportType)?.enabled ?? true));
      }
    }
  }
  for (const connection of adsConnections) {
    await syncAds(db, connection, ads, request, { wait, env, push, progress, schedule });
  }
  // the ASIN rollup brought up to date once, after every import of the run
  if (runs.some((r) => r.status === 'imported')) await freshRollup(db);
  return { runs };
}

async function syncReportType(
  db: Database, { reports: api, client }: ConnectedApi, report: SyncReport, store: string, marketplace: Marketplace, request: SyncRequest, push: Push,
  progress: (p: SyncProgress) => void,
): Promise<void> {
  const key = { store, marketplace: marketplace.code, reportType: report.reportType };
  const state = await syncStateOf(db, store, marketplace.code, report.reportType);
  const today = todayIn(marketplace.timeZone);
  const chunks = chunksFor(report, state, request, today);
  const tally = new Tally(progress, { store, marketplace: marketplace.code, report_type: report.reportType }, chunks.length);
  for (const chunk of chunks) {
    let run: Run;
    try {
      run = report.kind === 'market'
        ? await marketRun(db, client, report, store, marketplace, chunk)
        : report.kind === 'listed'
          ? await pullListed(db, api, report, store, marketplace, chunk)
          : await pullChunk(db, api, report, store, marketplace, chunk);
    } catch (e) {
      tally.failed();
      throw e;
    }
    tally.chunk(run);
    if (run.status === 'error') {
      await recordError(db, key, run.error ?? both('error'));
      push(run);
      return; // the next chunks would leave a gap behind this one: the next run starts here again
    }
    // only after the import committed: a sync killed before this line pulls the chunk again
    const before = await syncStateOf(db, store, marketplace.code, report.reportType);
    const covered = coveredAfter({ from: before?.covered_from ?? null, to: before?.covered_to ?? null }, chunk);
    await recordCovered(db, key, covered.from, covered.to);
    push(run);
  }
}

async function pullChunk(db: Database, api: ReportsApi, report: SyncReport, store: string, marketplace: Marketplace, chunk: Chunk): Promise<Run> {
  const base = { store, marketplace: marketplace.code, report_type: report.reportType, from: chunk.from, to: chunk.to };
  const ranged = report.kind !== 'snapshot';
  const id = await api.createReport({
    reportType: report.reportType, marketplaceIds: [marketplace.amazonId],
    ...(ranged ? { dataStartTime: localStart(chunk.from, marketplace.timeZone), dataEndTime: localEnd(chunk.to, marketplace.timeZone) } : {}),
    ...(report.options ? { reportOptions: report.options } : {}),
  });
  const outcome = await api.outcome(id, report.reportType);
  if (outcome.status === 'CANCELLED') return { ...base, status: 'no_data', rows: 0, error: null };
  if (outcome.status === 'FATAL') {
    return { ...base, status: 'error', rows: 0, error: say('sync_report_fatal', { report_type: report.reportType, from: chunk.from, to: chunk.to, reason: outcome.reason }) };
  }
  const file = keep(db, [store, marketplace.code, report.reportType, `${chunk.from}_${chunk.to}.${report.ext}`], outcome.document);
  return fromImport(base, await importDocument(db, file, report, store, marketplace, ranged ? undefined : chunk.to));
}

/** Settlements: each document Amazon made since the range's start, imported once (the same bytes again are unchanged). */
async function pullListed(db: Database, api: ReportsApi, report: SyncReport, store: string, marketplace: Marketplace, chunk: Chunk): Promise<Run> {
  const base = { store, marketplace: marketplace.code, report_type: report.reportType, from: chunk.from, to: chunk.to };
  const listed = await api.listDone(report.reportType, [marketplace.amazonId], localStart(chunk.from, marketplace.timeZone));
  let rows = 0;
  let imported = 0;
  for (const found of listed) {
    const document = await api.document(found.reportDocumentId, report.reportType);
    const file = keep(db, [store, marketplace.code, report.reportType, `${found.reportId}.${report.ext}`], document);
    const run = fromImport(base, await importDocument(db, file, report, store, marketplace, undefined));
    if (run.status === 'error') return run;
    rows += run.rows;
    if (run.status === 'imported') imported++;
  }
  return { ...base, status: listed.length === 0 ? 'no_data' : imported > 0 ? 'imported' : 'unchanged', rows, error: null };
}

async function importDocument(db: Database, file: string, report: SyncReport, store: string, marketplace: Marketplace, date: string | undefined): Promise<FileResult> {
  const { files } = await importFiles(db, [file], { store, marketplace: marketplace.code, expectType: report.family, ...(date ? { date } : {}) });
  const result = files[0];
  if (!result) throw new Error(`no import result for ${file}`);
  return result;
}

function fromImport(base: Omit<Run, 'status' | 'rows' | 'error'>, result: FileResult): Run {
  if (result.status === 'error') {
    const problem = result.problems.find((p) => p.severity === 'error');
    // a document with its header and no line: Amazon had nothing for the range, as CANCELLED says for others
    if (problem?.code === 'no_rows') return { ...base, status: 'no_data', rows: 0, error: null };
    const en = problem?.message_en ?? problem?.message ?? result.error ?? 'import failed';
    return { ...base, status: 'error', rows: 0, error: { en: `${result.file}: ${en}`, zh: `${result.file}: ${problem?.message_zh ?? en}` } };
  }
  return { ...base, status: result.status, rows: result.rows, error: null };
}

/**
 * Each document is kept beside the database (`<database>.sync/store/marketplace/report type/…`), as a seller keeps the
 * files they download: the import history names it, and it can be imported again by hand. Written whole, then renamed.
 */
function keep(db: Database, parts: string[], document: Buffer): string {
  const root = db.path === ':memory:' ? join(tmpdir(), `asterism-sync-${process.pid}`) : `${db.path}.sync`;
  const file = join(root, ...parts.map((p) => p.replace(/[^\w.-]+/g, '_')));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.part`, document);
  renameSync(`${file}.part`, file);
  return file;
}

function chosenReports(names: readonly string[] | undefined): { reports: SyncReport[]; ads: AdsSyncReport[] } {
  if (!names || names.length === 0) return { reports: [...syncReports], ads: [...adsSyncReports] };
  const reports: SyncReport[] = [];
  const ads: AdsSyncReport[] = [];
  for (const name of names) {
    const sp = syncReport(name);
    const ad = adsSyncReport(name);
    if (sp) reports.push(sp);
    else if (ad) ads.push(ad);
    else throw new AsterismError('bad_request', say('sync_unknown_report', { value: name, known: [...syncReports, ...adsSyncReports].map((r) => r.reportType).join(', ') }));
  }
  return { reports, ads };
}

/** One Ads API connection: each report type chunked like the SP-API's, its documents handed to the Ads API v3 importer. */
async function syncAds(
  db: Database, connection: Connection, reports: readonly AdsSyncReport[], request: SyncRequest,
  ctx: { wait: Timing; env: NodeJS.ProcessEnv; push: Push; progress: (p: SyncProgress) => void; schedule: Map<string, { cron: string; enabled: boolean }> },
): Promise<void> {
  const secret = await credentials(db, 'ads', connection.store);
  const marketplace = marketplaceByCode(connection.marketplaces[0] ?? '');
  const where = endpoints(connection.region as Region, ctx.env);
  const fail = (error: Texts, report: string | null) => ctx.push({ store: connection.store, marketplace: marketplace?.code ?? null, report_type: report, from: request.from ?? null, to: request.to ?? null, status: 'error', rows: 0, error });
  if (!secret || !marketplace || !connection.profile_id) {
    fail(say('sync_missing_value', { what: 'the Ads API profile and its marketplace (asterism connect ads --profile ID --marketplace CODE)' }), null);
    return;
  }
  const token = new LwaToken({ api: 'ads', store: connection.store, tokenUrl: where.lwaAds, clientId: secret.client_id, clientSecret: secret.clientSecret, refreshToken: secret.refreshToken });
  try {
    await token.get();
  } catch (e) {
    // a refused refresh token: one message, its reason beside each Ads report type in the sync state
    const error = textsOf(e);
    fail(error, null);
    for (const report of reports) {
      await recordError(db, { store: connection.store, marketplace: marketplace.code, reportType: report.reportType }, error);
      ctx.progress({ store: connection.store, marketplace: marketplace.code, report_type: report.reportType, done: 0, total: 0, rows: 0, state: 'error' });
    }
    return;
  }
  const client = new ApiClient('ads', where.ads, token, ctx.wait, { 'Amazon-Advertising-API-ClientId': secret.client_id, 'Amazon-Advertising-API-Scope': connection.profile_id });
  const api = new AdsReports(client, ctx.wait);
  for (const report of reports) {
    const key = { store: connection.store, marketplace: marketplace.code, reportType: report.reportType };
    let tally: Tally | undefined;
    try {
      const state = await syncStateOf(db, connection.store, marketplace.code, report.reportType);
      const chunks = chunksFor({ kind: 'range', maxDays: report.maxDays, restateDays: report.restateDays }, state, request, todayIn(marketplace.timeZone));
      tally = new Tally(ctx.progress, { store: connection.store, marketplace: marketplace.code, report_type: report.reportType }, chunks.length);
      for (const chunk of chunks) {
        const base = { store: connection.store, marketplace: marketplace.code, report_type: report.reportType, from: chunk.from, to: chunk.to };
        const outcome = await api.outcome(await api.create(report, chunk.from, chunk.to), report);
        let run: Run;
        if (outcome.status === 'FAILED') run = { ...base, status: 'error', rows: 0, error: both(`${report.reportType} ${chunk.from}..${chunk.to}: ${outcome.reason}`) };
        else if (/^\s*\[\s*\]\s*$/.test(outcome.document.toString('utf8', 0, 64))) run = { ...base, status: 'no_data', rows: 0, error: null };
        else {
          const file = keep(db, [connection.store, marketplace.code, report.reportType, `${chunk.from}_${chunk.to}.json`], outcome.document);
          const { files } = await importFiles(db, [file], { store: connection.store, marketplace: marketplace.code, expectType: report.family });
          run = files[0] ? fromImport(base, files[0]) : { ...base, status: 'error', rows: 0, error: both('no import result') };
        }
        tally.chunk(run);
        if (run.status === 'error') {
          await recordError(db, key, run.error ?? both('error'));
          ctx.push(run);
          break;
        }
        const before = await syncStateOf(db, connection.store, marketplace.code, report.reportType);
        const covered = coveredAfter({ from: before?.covered_from ?? null, to: before?.covered_to ?? null }, chunk);
        await recordCovered(db, key, covered.from, covered.to);
        ctx.push(run);
      }
    } catch (e) {
      const error = textsOf(e);
      tally?.failed();
      await recordError(db, key, error);
      fail(error, report.reportType);
    }
    const chosen = ctx.schedule.get(report.reportType);
    await recordNextRun(db, key, nextRun(chosen?.cron ?? report.cron, chosen?.enabled ?? true));
  }
}

interface ConnectedApi {
  token: LwaToken;
  client: ApiClient;
  reports: ReportsApi;
}

async function marketRun(db: Database, client: ApiClient, report: SyncReport, store: string, marketplace: Marketplace, chunk: Chunk): Promise<Run> {
  const rows = await pullMarket(db, client, report, store, marketplace, chunk);
  return { store, marketplace: marketplace.code, report_type: report.reportType, from: chunk.from, to: chunk.to, status: rows ? 'imported' : 'no_data', rows, error: null };
}

export async function reportsApiFor(db: Database, connection: Connection, wait: Timing, env: NodeJS.ProcessEnv): Promise<ConnectedApi> {
  const secret = await credentials(db, 'sp', connection.store);
  if (!secret) throw new AsterismError('not_found', say('sync_not_connected', { store: connection.store, api: 'SP-API', command: 'amazon' }));
  const where = endpoints(connection.region as Region, env);
  const token = new LwaToken({ api: 'sp', store: connection.store, tokenUrl: where.lwaSp, clientId: secret.client_id, clientSecret: secret.clientSecret, refreshToken: secret.refreshToken });
  const client = new ApiClient('sp', where.spApi, token, wait);
  return { token, client, reports: new ReportsApi(client, wait) };
}

export function nextRun(cron: string, enabled: boolean): Date | null {
  if (!enabled) return null;
  try {
    return new Cron(cron, { timezone: 'UTC', paused: true }).nextRun();
  } catch {
    return null;
  }
}

export function messageOf(e: unknown, lang: Lang): string {
  return textsOf(e)[lang];
}

/** A failure's reason in both languages (a network error's own text, known only in English, in both). */
function textsOf(e: unknown): Texts {
  if (e instanceof AsterismError) return e.texts ?? both(e.message);
  return both(e instanceof Error ? e.message : String(e));
}

/**
 * `asterism sync status`: the contract's fields per store × report type (and its marketplace); `last_error` in English
 * as the contract has it, `last_error_zh` beside it.
 */
export async function syncStatus(db: Database) {
  const states = await listSyncState(db);
  return {
    reports: states.map((s) => ({
      store: s.store, marketplace: s.marketplace, report_type: s.report_type, covered_from: s.covered_from, covered_to: s.covered_to,
      last_success: s.last_success, last_error: s.last_error, last_error_zh: s.last_error_zh, next_run: s.next_run,
    })),
  };
}
