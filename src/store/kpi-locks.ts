import { say } from '../domain/messages.ts';
import { AsterismError } from '../domain/errors.ts';
import type { Database, SqlParam, SqlRow } from './database.ts';

/**
 * Locked KPI periods (migration 3): a settled review as it was shown, and the imports its actuals
 * were computed from. The store knows the shapes, not how they were computed (analysis does that).
 */
export interface LockedRow {
  kpi: string;
  period: string;
  scope: Record<string, string>;
  owner: string | null;
  role: string | null;
  target: number;
  actual: number | null;
  attainment: number | null;
  expected_to_date: number;
  status: string;
  currency: string | null;
  weight: number | null;
  priority: number | null;
  pacing: string;
  no_data_reason: { code: string; zh: string; en: string } | null;
}

export interface LockedScore {
  kind: 'person' | 'role';
  name: string;
  score: number | null;
  kpis: number;
  no_data: number;
  coverage: number;
}

export interface KpiLockInput {
  period: string;
  kind: string;
  from: string;
  to: string;
  as_of: string;
  currency: string | null;
  rows: LockedRow[];
  scores: LockedScore[];
  findings: unknown[];
  /** the imports the actuals were computed from */
  imports: number[];
  /** who locked it (--user, $ASTERISM_USER or the OS user); null for locks made before migration 6 */
  locked_by: string | null;
}

export interface KpiLockRecord extends KpiLockInput {
  last_import_id: number;
  locked_at: string;
  /** 1 for the first lock of a period; each re-lock after an unlock adds one */
  version: number;
}

export interface ImportEntry {
  id: number;
  file: string;
  report_type: string;
  store: string;
  marketplace: string | null;
  from: string | null;
  to: string | null;
  imported_at: string;
}

const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export async function lastImportId(db: Database): Promise<number> {
  const [row] = await db.all('SELECT coalesce(max(id), 0) AS id FROM import_log');
  return Number(row?.id ?? 0);
}

/** Tables whose rows carry the import that wrote them (migration 1): an import replaced by a newer file has none left. */
const factTables = [
  'traffic', 'br_sales', 'ads', 'search_funnel', 'repeat_purchase', 'order_items', 'returns', 'inventory_snapshots',
  'storage_fees', 'transactions', 'fee_estimates', 'account_health', 'reviews', 'seller_feedback', 'events', 'costs', 'shipments', 'payouts',
] as const;
const withRows = factTables.map((t) => `SELECT import_id FROM ${t}`).join(' UNION ');

/**
 * Imports a period's numbers stand on: report files whose days overlap it and whose rows are still
 * there, the product master data in force (owners, product lines) and the given ids (the targets'
 * own imports). `after`: only imports newer than that id.
 */
export async function importsCovering(db: Database, window: { from: string; to: string }, options: { after?: number; also?: readonly number[] } = {}): Promise<ImportEntry[]> {
  const params: SqlParam[] = [window.from, window.to, options.after ?? 0];
  const also = (options.also ?? []).map((id) => { params.push(id); return `$${params.length}`; });
  const rows = await db.all(
    `SELECT id, file, report_type, store, marketplace, CAST(date_from AS VARCHAR) AS date_from, CAST(date_to AS VARCHAR) AS date_to,
            CAST(imported_at AS VARCHAR) AS imported_at
     FROM import_log
     WHERE id > $3 AND (
       (report_type NOT LIKE 'master_%' AND date_from <= $2::DATE AND coalesce(date_to, date_from) >= $1::DATE AND id IN (${withRows}))
       OR id IN (SELECT import_id FROM sku_map UNION SELECT import_id FROM product_assignments WHERE effective_from <= $2::DATE)
       ${also.length ? `OR id IN (${also.join(', ')})` : ''})
     ORDER BY id`,
    params,
  );
  return rows.map((r) => ({
    id: Number(r.id), file: String(r.file), report_type: String(r.report_type), store: String(r.store), marketplace: text(r.marketplace),
    from: text(r.date_from), to: text(r.date_to), imported_at: String(r.imported_at),
  }));
}

/** Writes a lock in one transaction; the caller has checked that the period is not locked yet. The version
 * follows the period's archived (unlocked) versions; the lock is recorded in the lock events. */
export async function saveKpiLock(db: Database, lock: KpiLockInput): Promise<void> {
  await db.transaction(async () => {
    // checked again in the write: a lock that waited its turn behind another is refused, not a key violation
    const [held] = await db.all('SELECT CAST(locked_at AS VARCHAR) AS locked_at FROM kpi_locks WHERE period = $1', [lock.period]);
    if (held) throw new AsterismError('bad_request', say('period_locked', { period: lock.period, at: String(held.locked_at) }));
    const last = await lastImportId(db);
    const [archived] = await db.all('SELECT coalesce(max(version), 0) AS v FROM kpi_lock_archive WHERE period = $1', [lock.period]);
    const version = Number(archived?.v ?? 0) + 1;
    await db.run(
      `INSERT INTO kpi_locks (period, kind, date_from, date_to, as_of, currency, last_import_id, findings, version, locked_by)
       VALUES ($1, $2, $3::DATE, $4::DATE, $5::DATE, $6, $7, $8, $9, $10)`,
      [lock.period, lock.kind, lock.from, lock.to, lock.as_of, lock.currency, last, JSON.stringify(lock.findings), version, lock.locked_by],
    );
    await db.run(
      `INSERT INTO kpi_lock_events (period, version, action, user_name, happened_at)
       SELECT $1, $2, 'lock', $3, locked_at FROM kpi_locks WHERE period = $1`,
      [lock.period, version, lock.locked_by],
    );
    for (const [i, r] of lock.rows.entries()) {
      await db.run(
        `INSERT INTO kpi_locked_rows (period, position, kpi, scope, owner, role, target, actual, currency, attainment, expected_to_date, status, weight, priority, pacing, no_data_reason)
         VALUES ($1, $2, $3, $4, $5, $6, $7::DECIMAL(18,6), $8::DECIMAL(24,6), $9, $10, $11, $12, $13::DECIMAL(9,4), $14, $15, $16)`,
        [lock.period, i, r.kpi, JSON.stringify(r.scope), r.owner, r.role, String(r.target), r.actual === null ? null : String(r.actual), r.currency,
          r.attainment, r.expected_to_date, r.status, r.weight === null ? null : String(r.weight), r.priority, r.pacing,
          r.no_data_reason ? JSON.stringify(r.no_data_reason) : null],
      );
    }
    for (const s of lock.scores) {
      await db.run('INSERT INTO kpi_locked_scores VALUES ($1, $2, $3, $4, $5, $6, $7)', [lock.period, s.kind, s.name, s.score, s.kpis, s.no_data, s.coverage]);
    }
    for (const id of new Set(lock.imports)) await db.run('INSERT INTO kpi_lock_imports VALUES ($1, $2)', [lock.period, id]);
  });
}

export async function readKpiLock(db: Database, period: string): Promise<KpiLockRecord | null> {
  const [lock] = await db.all(
    `SELECT period, kind, CAST(date_from AS VARCHAR) AS date_from, CAST(date_to AS VARCHAR) AS date_to, CAST(as_of AS VARCHAR) AS as_of,
            currency, last_import_id, findings, CAST(locked_at AS VARCHAR) AS locked_at, coalesce(version, 1) AS version, locked_by
     FROM kpi_locks WHERE period = $1`,
    [period],
  );
  if (!lock) return null;
  const [rows, scores, imports] = await Promise.all([
    db.all('SELECT * FROM kpi_locked_rows WHERE period = $1 ORDER BY position', [period]),
    db.all("SELECT * FROM kpi_locked_scores WHERE period = $1 ORDER BY kind, name", [period]),
    db.all('SELECT import_id FROM kpi_lock_imports WHERE period = $1 ORDER BY import_id', [period]),
  ]);
  return {
    period: String(lock.period), kind: String(lock.kind), from: String(lock.date_from), to: String(lock.date_to), as_of: String(lock.as_of),
    currency: text(lock.currency), last_import_id: Number(lock.last_import_id), locked_at: String(lock.locked_at),
    version: Number(lock.version), locked_by: text(lock.locked_by),
    findings: JSON.parse(String(lock.findings)) as unknown[],
    rows: rows.map(lockedRow), scores: scores.map(lockedScore), imports: imports.map((r) => Number(r.import_id)),
  };
}

/** A frozen row as stored (kpi_locked_rows, kpi_lock_archive_rows). */
export function lockedRow(r: SqlRow): LockedRow {
  return {
    kpi: String(r.kpi), period: String(r.period), scope: JSON.parse(String(r.scope)) as Record<string, string>,
    owner: text(r.owner), role: text(r.role), target: Number(r.target), actual: num(r.actual), attainment: num(r.attainment),
    expected_to_date: Number(r.expected_to_date), status: String(r.status), currency: text(r.currency),
    weight: num(r.weight), priority: num(r.priority), pacing: String(r.pacing),
    no_data_reason: r.no_data_reason ? JSON.parse(String(r.no_data_reason)) as LockedRow['no_data_reason'] : null,
  };
}

export function lockedScore(r: SqlRow): LockedScore {
  return {
    kind: r.kind === 'role' ? 'role' : 'person', name: String(r.name), score: num(r.score),
    kpis: Number(r.kpis), no_data: Number(r.no_data), coverage: Number(r.coverage),
  };
}
