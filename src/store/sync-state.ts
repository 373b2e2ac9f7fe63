import type { Texts } from '../domain/messages.ts';
import type { Database } from './database.ts';

/**
 * What the sync has covered per store × marketplace × report type, its last success and error, and the next run.
 * The covered range moves only after a chunk's import has committed: a sync killed between the two pulls that chunk
 * again, and the importers' replace rules keep every day once.
 */
export interface SyncState {
  store: string;
  marketplace: string;
  report_type: string;
  covered_from: string | null;
  covered_to: string | null;
  last_success: string | null;
  /** the last failure's reason, in English (`last_error_zh`: the same in Chinese); null once a chunk succeeded */
  last_error: string | null;
  last_error_zh: string | null;
  next_run: string | null;
}

export async function listSyncState(db: Database, store?: string): Promise<SyncState[]> {
  const rows = await db.all(`SELECT store, marketplace, report_type, CAST(covered_from AS VARCHAR) AS covered_from, CAST(covered_to AS VARCHAR) AS covered_to,
      strftime(last_success, '%Y-%m-%dT%H:%M:%SZ') AS last_success, last_error, last_error_zh, strftime(next_run, '%Y-%m-%dT%H:%M:%SZ') AS next_run
    FROM sync_state ${store ? 'WHERE store = $1' : ''} ORDER BY store, marketplace, report_type`, store ? [store] : []);
  return rows.map((r) => ({
    store: String(r.store), marketplace: String(r.marketplace), report_type: String(r.report_type),
    covered_from: str(r.covered_from), covered_to: str(r.covered_to), last_success: str(r.last_success), last_error: str(r.last_error), last_error_zh: str(r.last_error_zh), next_run: str(r.next_run),
  }));
}

const str = (v: unknown): string | null => (v == null ? null : String(v));

export async function syncStateOf(db: Database, store: string, marketplace: string, reportType: string): Promise<SyncState | undefined> {
  return (await listSyncState(db, store)).find((s) => s.marketplace === marketplace && s.report_type === reportType);
}

/** A chunk imported (or found empty): the covered range as the caller worked it out (app/sync/plan.ts `coveredAfter`), the error cleared. */
export async function recordCovered(db: Database, key: { store: string; marketplace: string; reportType: string }, from: string, to: string): Promise<void> {
  await db.run(`INSERT INTO sync_state (store, marketplace, report_type, covered_from, covered_to, last_success, last_error, last_error_zh, last_error_at)
      VALUES ($1, $2, $3, $4::DATE, $5::DATE, current_timestamp AT TIME ZONE 'UTC', NULL, NULL, NULL)
    ON CONFLICT (store, marketplace, report_type) DO UPDATE SET
      covered_from = excluded.covered_from, covered_to = excluded.covered_to,
      last_success = excluded.last_success, last_error = NULL, last_error_zh = NULL, last_error_at = NULL`, [key.store, key.marketplace, key.reportType, from, to]);
}

/** A failure, in both languages; the covered range stays as it was. */
export async function recordError(db: Database, key: { store: string; marketplace: string; reportType: string }, error: Texts): Promise<void> {
  await db.run(`INSERT INTO sync_state (store, marketplace, report_type, last_error, last_error_zh, last_error_at) VALUES ($1, $2, $3, $4, $5, current_timestamp AT TIME ZONE 'UTC')
    ON CONFLICT (store, marketplace, report_type) DO UPDATE SET last_error = excluded.last_error, last_error_zh = excluded.last_error_zh, last_error_at = excluded.last_error_at`,
  [key.store, key.marketplace, key.reportType, error.en, error.zh]);
}

export async function recordNextRun(db: Database, key: { store: string; marketplace: string; reportType: string }, next: Date | null): Promise<void> {
  await db.run(`INSERT INTO sync_state (store, marketplace, report_type, next_run) VALUES ($1, $2, $3, $4::TIMESTAMP)
    ON CONFLICT (store, marketplace, report_type) DO UPDATE SET next_run = excluded.next_run`,
  [key.store, key.marketplace, key.reportType, next ? next.toISOString().replace('T', ' ').replace('Z', '') : null]);
}

/** the schedule a user changed (report type → croner pattern); the rest keep their defaults */
export async function scheduleOverrides(db: Database): Promise<Map<string, { cron: string; enabled: boolean }>> {
  const rows = await db.all('SELECT report_type, cron, enabled FROM sync_schedule');
  return new Map(rows.map((r) => [String(r.report_type), { cron: String(r.cron), enabled: r.enabled === true }]));
}

export async function setSchedule(db: Database, reportType: string, cron: string, enabled: boolean): Promise<void> {
  await db.run('INSERT OR REPLACE INTO sync_schedule (report_type, cron, enabled, updated_at) VALUES ($1, $2, $3, current_timestamp)', [reportType, cron, enabled]);
}
