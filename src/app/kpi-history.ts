import { say } from '../domain/messages.ts';
import { diffVersions, type RowChange } from '../analysis/index.ts';
import { AsterismError } from '../domain/errors.ts';
import { parsePeriod, type KpiPeriod } from '../domain/kpi-periods.ts';
import type { Database } from '../store/database.ts';
import { archiveKpiLock, listKpiLockEvents, readArchivedVersions, type KpiLockEvent } from '../store/kpi-lock-history.ts';
import { importsCovering, readKpiLock, type ImportEntry, type KpiLockRecord, type LockedRow } from '../store/kpi-locks.ts';
import { listSpecialPeriods } from '../store/special-periods.ts';
import { targetsFor } from './kpi.ts';

/**
 * `asterism kpi unlock` and `kpi history` (SPEC §5, 绩效纠纷 can be traced back): a settled period is
 * reopened only with a reason and a name; the version unlocked is kept, and the history shows every
 * lock and unlock and what changed between versions.
 */
export interface KpiUnlockAnswer {
  period: KpiPeriod;
  /** the version that was in force and is now archived */
  version: number;
  unlocked_by: string;
  reason: string;
  /** newer imports that covered the period when it was unlocked */
  restated_by: ImportEntry[];
}

export interface KpiVersion {
  version: number;
  state: 'in_force' | 'unlocked';
  as_of: string;
  currency: string | null;
  locked_at: string;
  locked_by: string | null;
  unlocked_at: string | null;
  unlocked_by: string | null;
  unlock_reason: string | null;
  imports: number[];
  rows: Pick<LockedRow, 'kpi' | 'scope' | 'owner' | 'role' | 'target' | 'actual' | 'attainment' | 'status'>[];
}

export interface KpiHistoryAnswer {
  period: KpiPeriod;
  locked: boolean;
  version: number | null;
  events: KpiLockEvent[];
  versions: KpiVersion[];
  /** consecutive versions compared: rows whose target, actual, attainment or status differ */
  changes: { from_version: number; to_version: number; rows: RowChange[] }[];
  /** newer imports cover the period of the lock in force (as `kpi status` says) */
  restated: boolean;
  restated_by: ImportEntry[];
}

/** Imports newer than the lock that cover its period (the data a re-lock would take in). */
async function restatements(db: Database, p: KpiPeriod, lock: KpiLockRecord): Promise<ImportEntry[]> {
  const { importIds } = await targetsFor(db, p, await listSpecialPeriods(db));
  return importsCovering(db, p, { after: lock.last_import_id, also: importIds });
}

export async function kpiUnlock(db: Database, input: { period: string; reason: string; user: string }): Promise<KpiUnlockAnswer> {
  const p = parsePeriod(input.period, await listSpecialPeriods(db));
  const reason = input.reason.trim();
  const user = input.user.trim();
  if (!reason) throw new AsterismError('bad_request', say('unlock_needs_reason', { period: p.label }));
  if (!user) throw new AsterismError('bad_request', say('unlock_needs_user', { period: p.label }));
  const lock = await readKpiLock(db, p.label);
  if (!lock) throw new AsterismError('not_found', say('period_not_locked', { period: p.label }));
  const restatedBy = await restatements(db, p, lock);
  const version = await archiveKpiLock(db, { period: p.label, user, reason, restatedBy });
  return { period: p, version, unlocked_by: user, reason, restated_by: restatedBy };
}

const brief = (r: LockedRow): KpiVersion['rows'][number] =>
  ({ kpi: r.kpi, scope: r.scope, owner: r.owner, role: r.role, target: r.target, actual: r.actual, attainment: r.attainment, status: r.status });

export async function kpiHistory(db: Database, input: { period: string }): Promise<KpiHistoryAnswer> {
  const p = parsePeriod(input.period, await listSpecialPeriods(db));
  const [events, archived, lock] = await Promise.all([listKpiLockEvents(db, p.label), readArchivedVersions(db, p.label), readKpiLock(db, p.label)]);
  const versions: KpiVersion[] = archived.map((v) => ({
    version: v.version, state: 'unlocked', as_of: v.as_of, currency: v.currency, locked_at: v.locked_at, locked_by: v.locked_by,
    unlocked_at: v.unlocked_at, unlocked_by: v.unlocked_by, unlock_reason: v.unlock_reason, imports: v.imports, rows: v.rows.map(brief),
  }));
  if (lock) {
    versions.push({
      version: lock.version, state: 'in_force', as_of: lock.as_of, currency: lock.currency, locked_at: lock.locked_at, locked_by: lock.locked_by,
      unlocked_at: null, unlocked_by: null, unlock_reason: null, imports: lock.imports, rows: lock.rows.map(brief),
    });
  }
  const changes = versions.slice(1).map((v, i) => {
    const before = versions[i] as KpiVersion;
    return { from_version: before.version, to_version: v.version, rows: diffVersions(before.rows, v.rows) };
  });
  const restatedBy = lock ? await restatements(db, p, lock) : [];
  return {
    period: p, locked: lock !== null, version: lock?.version ?? null, events, versions, changes,
    restated: restatedBy.length > 0, restated_by: restatedBy,
  };
}
