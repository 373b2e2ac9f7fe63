import type { Problem } from '../domain/errors.ts';
import type { Database, SqlParam } from '../store/database.ts';
import type { TargetTable } from './family.ts';
import { moveToHistory } from '../store/import-history.ts';
import { guardMessage } from './replace-messages.ts';

/** The import whose rows were just appended, and what earlier rows it may replace. */
export interface ReplaceScope {
  importId: string;
  store: string;
  marketplace: string;
  reportType: string;
  /** the days the new file covers */
  from: string;
  to: string;
}

/** A file the foreign-keys guard refused: the import's transaction rolls back. */
export class ReplaceRefused extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
  }
}

/** Most replaced rows' keys absent from the new file: share above which the guard refuses. */
const absentShareRefused = 0.5;
const keysNamed = 5;

/**
 * Runs after the new rows are appended (import_id = scope.importId), inside the import's transaction.
 * Earlier rows of the same report type, store and marketplace on the days the file covers, and with the
 * same values in the table's scope columns (ad type, level, attribution window, `sameKey`) as some new
 * row, are moved to history (removed by the new import), never deleted. A range row that only partly
 * overlaps goes too: the newer file wins, and keeping it would count the overlapping days twice.
 * The scope values and the guard's keys are read from the appended rows in SQL, so the new rows never
 * need to be in memory. Returns the rows replaced per table.
 */
export async function replaceEarlier(
  db: Database, targets: readonly TargetTable[], scope: ReplaceScope, options: { replace?: boolean | undefined; file: string },
): Promise<number[]> {
  const replaced: number[] = [];
  for (const t of targets) {
    const { where, params } = earlierRows(t, scope);
    if (t.guardKey && !options.replace) await guard(db, t, t.guardKey, where, params, scope, options.file);
    replaced.push(await moveToHistory(db, t.table, where, params, scope.importId));
  }
  return replaced;
}

/** The WHERE clause (on the table, unaliased) of the earlier rows the new import replaces. */
function earlierRows(t: TargetTable, scope: ReplaceScope): { where: string; params: SqlParam[] } {
  const columns = [...(t.sameScope ?? []), ...(t.sameKey ? [t.sameKey] : [])];
  const same = columns.length === 0 ? '' : `AND EXISTS (SELECT 1 FROM (SELECT DISTINCT ${columns.join(', ')} FROM ${t.table} WHERE import_id = $6) n
       WHERE ${columns.map((c) => `n.${c} IS NOT DISTINCT FROM ${t.table}.${c}`).join(' AND ')})`;
  return {
    // the import's marketplace is the rows': a unified-account import (import_log.marketplace NULL) holds several
    where: `import_id IN (SELECT id FROM import_log WHERE store = $1 AND report_type = $3 AND id <> $6)
       AND store = $1 AND marketplace = $2 AND ${t.dateTo} >= $4::DATE AND ${t.dateFrom} <= $5::DATE ${same}`,
    params: [scope.store, scope.marketplace, scope.reportType, scope.from, scope.to, Number(scope.importId)],
  };
}

/** The foreign-keys guard: refuses when more than half the rows to replace have keys the new file does not name. */
async function guard(db: Database, t: TargetTable, key: string, where: string, params: SqlParam[], scope: ReplaceScope, file: string): Promise<void> {
  const absent = `CAST(${key} AS VARCHAR) NOT IN (SELECT DISTINCT CAST(${key} AS VARCHAR) FROM ${t.table} WHERE import_id = $6 AND ${key} IS NOT NULL)`;
  const [counts] = await db.all(
    `SELECT count(*) AS replaced, count(${key}) AS keyed, count(*) FILTER (WHERE ${key} IS NOT NULL AND ${absent}) AS absent,
            count(DISTINCT ${key}) FILTER (WHERE ${key} IS NOT NULL AND ${absent}) AS absent_keys FROM ${t.table} WHERE ${where}`,
    params,
  );
  const keyed = Number(counts?.keyed ?? 0);
  const missing = Number(counts?.absent ?? 0);
  if (keyed === 0 || missing <= keyed * absentShareRefused) return;
  const keys = await db.all(
    `SELECT DISTINCT CAST(${key} AS VARCHAR) AS key FROM ${t.table} WHERE ${where} AND ${key} IS NOT NULL AND ${absent} ORDER BY key LIMIT ${keysNamed}`,
    params,
  );
  const message = guardMessage(key, Number(counts?.replaced ?? 0), missing, keys.map((k) => String(k.key)), Number(counts?.absent_keys ?? 0));
  throw new ReplaceRefused({
    code: 'replace_refused', severity: 'error', file, column: key, message: message.en, message_zh: message.zh,
  });
}
