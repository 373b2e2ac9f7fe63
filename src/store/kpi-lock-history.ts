import { say } from '../domain/messages.ts';
import { AsterismError } from '../domain/errors.ts';
import type { Database } from './database.ts';
import { lockedRow, lockedScore, type ImportEntry, type LockedRow, type LockedScore } from './kpi-locks.ts';

/**
 * Unlocking a settled KPI period (migration 6): the version in force moves to the archive with who
 * unlocked it, when and why; a later lock is the next version. Every lock and unlock is an event.
 */
export interface KpiLockEvent {
  id: number;
  period: string;
  version: number;
  action: 'lock' | 'unlock';
  user: string | null;
  reason: string | null;
  at: string;
  /** imports newer than the lock that covered its period when it was unlocked (a restatement) */
  restated_by: ImportEntry[];
}

export interface ArchivedVersion {
  version: number;
  as_of: string;
  currency: string | null;
  locked_at: string;
  locked_by: string | null;
  unlocked_at: string;
  unlocked_by: string;
  unlock_reason: string;
  imports: number[];
  rows: LockedRow[];
  scores: LockedScore[];
}

const text = (v: unknown) => (v === null || v === undefined ? null : String(v));

/** Moves the lock in force to the archive and records the unlock; the caller has checked that there is one. */
export async function archiveKpiLock(db: Database, input: { period: string; user: string; reason: string; restatedBy: ImportEntry[] }): Promise<number> {
  return db.transaction(async () => {
    const p = input.period;
    const [lock] = await db.all('SELECT coalesce(version, 1) AS version FROM kpi_locks WHERE period = $1', [p]);
    // checked again in the write: an unlock that waited its turn behind another finds the period unlocked
    if (!lock) throw new AsterismError('not_found', say('period_not_locked', { period: p }));
    const version = Number(lock?.version ?? 1);
    const scores = (await db.all('SELECT * FROM kpi_locked_scores WHERE period = $1 ORDER BY kind, name', [p])).map(lockedScore);
    const imports = (await db.all('SELECT import_id FROM kpi_lock_imports WHERE period = $1 ORDER BY import_id', [p])).map((r) => Number(r.import_id));
    await db.run(
      `INSERT INTO kpi_lock_archive
       SELECT period, $2, kind, date_from, date_to, as_of, currency, last_import_id, findings, locked_at, locked_by, $3, $4,
              current_timestamp, $5, $6
       FROM kpi_locks WHERE period = $1`,
      [p, version, JSON.stringify(scores), JSON.stringify(imports), input.user, input.reason],
    );
    await db.run(
      `INSERT INTO kpi_lock_archive_rows
       SELECT period, $2, position, kpi, scope, owner, role, target, actual, currency, attainment, expected_to_date, status, weight, priority, pacing, no_data_reason
       FROM kpi_locked_rows WHERE period = $1`,
      [p, version],
    );
    for (const table of ['kpi_locked_rows', 'kpi_locked_scores', 'kpi_lock_imports', 'kpi_locks']) await db.run(`DELETE FROM ${table} WHERE period = $1`, [p]);
    await db.run(
      `INSERT INTO kpi_lock_events (period, version, action, user_name, reason, restated_by) VALUES ($1, $2, 'unlock', $3, $4, $5)`,
      [p, version, input.user, input.reason, JSON.stringify(input.restatedBy)],
    );
    return version;
  });
}

export async function listKpiLockEvents(db: Database, period: string): Promise<KpiLockEvent[]> {
  const rows = await db.all(
    `SELECT id, period, version, action, user_name, reason, CAST(happened_at AS VARCHAR) AS at, restated_by FROM kpi_lock_events WHERE period = $1 ORDER BY id`,
    [period],
  );
  return rows.map((r) => ({
    id: Number(r.id), period: String(r.period), version: Number(r.version), action: r.action === 'unlock' ? 'unlock' : 'lock',
    user: text(r.user_name), reason: text(r.reason), at: String(r.at), restated_by: JSON.parse(String(r.restated_by)) as ImportEntry[],
  }));
}

/** The unlocked versions of a period, oldest first, each with its frozen rows. */
export async function readArchivedVersions(db: Database, period: string): Promise<ArchivedVersion[]> {
  const [versions, rows] = await Promise.all([
    db.all(
      `SELECT version, CAST(as_of AS VARCHAR) AS as_of, currency, CAST(locked_at AS VARCHAR) AS locked_at, locked_by,
              CAST(unlocked_at AS VARCHAR) AS unlocked_at, unlocked_by, unlock_reason, scores, imports
       FROM kpi_lock_archive WHERE period = $1 ORDER BY version`,
      [period],
    ),
    db.all('SELECT * FROM kpi_lock_archive_rows WHERE period = $1 ORDER BY version, position', [period]),
  ]);
  return versions.map((v) => ({
    version: Number(v.version), as_of: String(v.as_of), currency: text(v.currency), locked_at: String(v.locked_at), locked_by: text(v.locked_by),
    unlocked_at: String(v.unlocked_at), unlocked_by: String(v.unlocked_by), unlock_reason: String(v.unlock_reason),
    imports: JSON.parse(String(v.imports)) as number[], scores: JSON.parse(String(v.scores)) as LockedScore[],
    rows: rows.filter((r) => Number(r.version) === Number(v.version)).map(lockedRow),
  }));
}
