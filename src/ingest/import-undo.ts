import { AsterismError } from '../domain/errors.ts';
import type { Database } from '../store/database.ts';
import type { TargetTable } from './family.ts';
import { historyOf, tablesWithHistory } from '../store/import-history.ts';
import { familyByType, reportFamilies } from './registry.ts';
import { undoMessages } from './replace-messages.ts';

/** `asterism imports undo ID --json` (cli.md "imports"). */
export interface UndoResult {
  undone: number;
  /** rows the import had replaced, put back */
  restored: number;
  /** rows the import had written, taken out */
  removed: number;
}

const refuse = (code: 'not_found' | 'conflict', message: { en: string; zh: string }) => new AsterismError(code, message.en, { message_zh: message.zh });

/**
 * Puts the database back as it was before import `id`: its rows out, the rows it replaced back from
 * history, the log entry marked undone (kept: what happened stays on record). Refused, naming them,
 * while a later import replaced this one's rows or covers the days the restored rows would come back
 * to: undoing then would lose that import's data or count days twice, so the later one is undone first.
 * One transaction: undone whole or not at all.
 */
export async function undoImport(db: Database, id: number): Promise<UndoResult> {
  const [log] = await db.all('SELECT id, report_type, undone_at FROM import_log WHERE id = $1', [id]);
  if (!log) throw refuse('not_found', undoMessages.notFound(String(id)));
  if (log.undone_at !== null) throw refuse('conflict', undoMessages.alreadyUndone(String(id)));
  const reportType = String(log.report_type);
  const historied = await tablesWithHistory(db);
  const later = await laterImports(db, id, reportType, historied);
  if (later.length > 0) throw refuse('conflict', undoMessages.later(String(id), later));
  const written = (familyByType(reportType)?.writes ?? []).map((t) => t.table);
  const tables = [...new Set([...written, ...historied])];
  return db.transaction(async () => {
    let removed = 0;
    let restored = 0;
    for (const table of tables) {
      removed += await db.run(`DELETE FROM ${table} WHERE import_id = $1`, [id]);
      if (!historied.includes(table)) continue;
      restored += await db.run(`INSERT INTO ${table} BY NAME SELECT * EXCLUDE (removed_by) FROM ${historyOf(table)} WHERE removed_by = $1`, [id]);
      await db.run(`DELETE FROM ${historyOf(table)} WHERE removed_by = $1`, [id]);
    }
    await db.run('UPDATE import_log SET undone_at = current_timestamp WHERE id = $1', [id]);
    return { undone: id, restored, removed };
  });
}

/** Dated tables (those a newer file replaces by days) and the columns that bound a replacement. */
const datedTables = (): Map<string, TargetTable> => {
  const tables = new Map<string, TargetTable>();
  for (const family of reportFamilies) for (const t of family.writes) if (t.dateFrom !== 'NULL' && !tables.has(t.table)) tables.set(t.table, t);
  return tables;
};

/** Later imports, not undone, that stand in the way: they replaced rows of this import, or wrote rows of the same
 * report and scope on days the rows this import replaced would come back to. */
async function laterImports(db: Database, id: number, reportType: string, historied: readonly string[]): Promise<{ id: string; file: string }[]> {
  const questions: string[] = historied.map((t) => `SELECT removed_by AS id FROM ${historyOf(t)} WHERE import_id = $1`);
  const dated = datedTables();
  for (const table of historied) {
    const t = dated.get(table);
    if (!t) continue;
    const scope = [...(t.sameScope ?? []), ...(t.sameKey ? [t.sameKey] : [])];
    const groups = ['store', 'marketplace', ...scope];
    questions.push(`SELECT live.import_id AS id FROM ${table} live
      JOIN (SELECT ${groups.join(', ')}, min(${t.dateFrom}) AS back_from, max(${t.dateTo}) AS back_to FROM ${historyOf(table)} WHERE removed_by = $1 GROUP BY ${groups.join(', ')}) back
        ON ${groups.map((c) => `back.${c} IS NOT DISTINCT FROM live.${c}`).join(' AND ')} AND live.${t.dateTo} >= back.back_from AND live.${t.dateFrom} <= back.back_to
      WHERE live.import_id IN (SELECT id FROM import_log WHERE id > $1 AND report_type = $2 AND undone_at IS NULL)`);
  }
  if (questions.length === 0) return [];
  const rows = await db.all(
    `SELECT l.id, l.file FROM import_log l WHERE l.id IN (${questions.join(' UNION ')}) AND $2::VARCHAR IS NOT NULL ORDER BY l.id DESC`,
    [id, reportType],
  );
  return rows.map((r) => ({ id: String(r.id), file: String(r.file) }));
}
