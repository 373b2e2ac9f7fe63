import type { Database } from '../store/database.ts';
import { duckdb } from '../store/dialect.ts';
import { tableSizes } from '../store/table-sizes.ts';
import type { FactId } from './facts.ts';
import { columnName } from './plan/columns.ts';
import {
  inWindows, rollupCandidates, rollupCreateSql, rollupLayout, rollupParts, rollupRangesTable, rollupSelect, rollupTable, rollupWeeksTable, weekLevelSql,
  type RollupBounds, type RollupCoverage,
} from './rollup.ts';

/** Below this many source rows every question is answered from the sources: they are fast enough there,
 * and keeping a rollup fresh would cost more than it saves. */
export const defaultRollupMinRows = 200_000;

/** ASTERISM_ROLLUP_MIN_ROWS=0 answers every question it can from the rollup: the whole test suite can
 * be run that way, every hand-computed figure then checking the rollup too. */
const minRowsFromEnvironment = (): number | undefined => {
  const set = process.env.ASTERISM_ROLLUP_MIN_ROWS;
  return set === undefined || set === '' || Number.isNaN(Number(set)) ? undefined : Number(set);
};

const minRows = new WeakMap<Database, number>();
/** A refresh asked for, and whether it holds the writing connection yet. */
interface Refresh { started: boolean; work: Promise<RollupCoverage> }
const pending = new WeakMap<Database, Refresh>();
const lastRefresh = new WeakMap<Database, 'rebuilt' | 'imports'>();

/** How the rollup was last brought up to date in this process (tests read it). */
export const lastRollupRefresh = (db: Database): 'rebuilt' | 'imports' | undefined => lastRefresh.get(db);

/** Tests and the benchmark choose: 0 = always use the rollup, Infinity = never. */
export function setRollupMinRows(db: Database, rows: number): void {
  minRows.set(db, rows);
}

/**
 * Many imports in a row (the demo's thousand files at first start): the rollup is not brought up to date
 * after each one, but once, after the last. Questions asked meanwhile read the sources, as below the threshold.
 */
export async function withRollupOnceAfter<T>(db: Database, imports: () => Promise<T>): Promise<T> {
  const before = minRows.get(db);
  minRows.set(db, Number.POSITIVE_INFINITY);
  try {
    return await imports();
  } finally {
    if (before === undefined) minRows.delete(db);
    else minRows.set(db, before);
    await freshRollup(db);
  }
}

/** Source tables, with the date columns their rows cover (every row carries its import's id). */
const sourceTables: Record<string, [string, string]> = {
  traffic: ['date_from', 'date_to'], br_sales: ['date_from', 'date_to'], order_items: ['order_date', 'order_date'], ads: ['date_from', 'date_to'],
  search_funnel: ['date_from', 'date_to'], reviews: ['review_date', 'review_date'], repeat_purchase: ['date_from', 'date_to'],
  inventory_snapshots: ['snapshot_date', 'snapshot_date'],
};
/** Facts read straight from one table: the rollup's row count for them must equal the table's. */
const plainFacts: Partial<Record<FactId, string>> = { traffic: 'traffic', br_sales: 'br_sales', reviews: 'reviews', repeat_purchase: 'repeat_purchase' };

/**
 * The facts the rollup can answer now. The fingerprint is the newest import and each source table's row
 * count; when the sources changed since the rollup was last written, bringing it up to date is a write
 * (its turn on the writing connection, one transaction with `rollup_state`, so a reader sees the old
 * rollup or the new one, never half of one). After imports, only the days they loaded are rewritten (per
 * store and marketplace, the span of their rows and of the import's own period, which is where a replaced
 * file's rows were); anything else (a write that is not an import, a Business Report range appearing)
 * rebuilds the whole rollup.
 *
 * Nobody waits for someone else's write here: when the rollup is behind and a write (an import) is running
 * or waiting, this answer comes from the sources (the last committed state, on a reading connection) and
 * the rollup is brought up to date after the writes before it.
 */
export async function freshRollup(db: Database): Promise<RollupCoverage> {
  // inside a write (its uncommitted rows): checked and brought up to date as part of it, remembered by no reader
  if (db.writing) return refresh(db);
  // inside a read snapshot: the rollup answers only if it matches the sources in that same snapshot; else the
  // sources answer, and the rollup is brought up to date for the next question
  if (db.inSnapshot) {
    const current = await check(db);
    if (current !== 'behind') return current;
    void startRefresh(db).catch(() => undefined);
    return new Set();
  }
  const threshold = minRows.get(db) ?? minRowsFromEnvironment() ?? defaultRollupMinRows;
  // never the rollup (inside withRollupOnceAfter): no row count can reach it, so none is counted
  if (threshold === Number.POSITIVE_INFINITY) return new Set();
  // nothing written since the last check (its own writes included): the rollup is as fresh as it was then
  const checked = lastChecked.get(db);
  if (checked && checked.version === db.dataVersion && checked.threshold === threshold) return checked.covered;
  const version = db.dataVersion;
  const current = await check(db);
  if (current !== 'behind') {
    // remembered only when nothing was written meanwhile: else check again next time
    if (db.dataVersion === version) lastChecked.set(db, { version, threshold, covered: current });
    return current;
  }
  // a refresh at work is waited for (the funnel's questions share it); one waiting behind other writes is not
  return startRefresh(db);
}
const lastChecked = new WeakMap<Database, { version: number; threshold: number; covered: RollupCoverage }>();

/** Brings the rollup up to date now when no write is running (answered when done), else after the writes
 * before it (answered at once, with nothing covered: the sources answer meanwhile). */
function startRefresh(db: Database): Promise<RollupCoverage> {
  const running = pending.get(db);
  if (running) return running.started ? running.work : Promise.resolve(new Set());
  const entry: Refresh = { started: false, work: Promise.resolve(new Set()) };
  const work = () => {
    entry.started = true;
    return refresh(db);
  };
  const now = db.transactionIfIdle(work);
  entry.work = (now ?? db.transaction(work)).finally(() => pending.delete(db));
  pending.set(db, entry);
  if (now) return entry.work;
  entry.work.catch(() => undefined); // brought up to date in the background: a failure is met again at the next question
  return Promise.resolve(new Set());
}

/** `undone` counts undone imports: an undo restores rows of earlier imports, which only a rebuild takes in */
interface State { imports: number | null; counts: string[]; layout?: number; undone?: number }

interface Fingerprint { fingerprint: string; built: string | null; facts: FactId[] }

/** The rollup's coverage when it is up to date with the sources (nothing to write), else 'behind'. */
async function check(db: Database): Promise<RollupCoverage | 'behind'> {
  const now = await fingerprints(db);
  if (now === 'below threshold') return new Set();
  return now.built === now.fingerprint ? coverage(db, now.facts) : 'behind';
}

async function fingerprints(db: Database): Promise<Fingerprint | 'below threshold'> {
  const tables = Object.keys(sourceTables);
  const [{ counts, latestImport, undone }, [state]] = await Promise.all([
    tableSizes(db, tables), db.all('SELECT max(fingerprint) AS built, max(facts) AS facts FROM rollup_state'),
  ]);
  if (counts.reduce((n, c) => n + Number(c), 0) < (minRows.get(db) ?? minRowsFromEnvironment() ?? defaultRollupMinRows)) return 'below threshold';
  const now: State = { imports: latestImport, counts, layout: rollupLayout, undone };
  const built = state?.built == null ? null : String(state.built);
  return { fingerprint: JSON.stringify(now), built, facts: String(state?.facts ?? '').split(',').filter(Boolean) as FactId[] };
}

/** Inside a write's turn: the check again (on the writing connection), then the rollup brought up to date. */
async function refresh(db: Database): Promise<RollupCoverage> {
  const now = await fingerprints(db);
  if (now === 'below threshold') return new Set();
  const { fingerprint, facts: builtFacts } = now;
  if (now.built === fingerprint) return coverage(db, builtFacts);

  // a Business Report row spanning days makes sales depend on the period asked: sales stay live then
  const [ranges] = await db.all('SELECT EXISTS (SELECT 1 FROM br_sales WHERE date_from <> date_to) AS any');
  const covered = rollupCandidates(ranges?.any === true);
  const built = now.built === null ? null : (JSON.parse(now.built) as State);
  const current = JSON.parse(fingerprint) as State;
  const sameFacts = built !== null && built.layout === rollupLayout && covered.join(',') === builtFacts.join(',') && (built.undone ?? 0) === (current.undone ?? 0);
  const updated = sameFacts && current.imports !== null && (built.imports === null || current.imports > built.imports)
    && await refreshImports(db, covered, built.imports ?? 0);
  if (!updated) await rebuild(db, covered);
  lastRefresh.set(db, updated ? 'imports' : 'rebuilt');
  await db.run(`DELETE FROM rollup_state; INSERT INTO rollup_state (fingerprint, facts) VALUES ('${fingerprint.replaceAll("'", "''")}', '${covered.join(',')}')`);
  return coverage(db, covered);
}

/** The facts held, and which of them have other range rows (a small table: one count per fact). */
async function coverage(db: Database, facts: readonly FactId[]): Promise<RollupCoverage> {
  if (facts.length === 0) return new Set();
  const [counts] = await db.all(`SELECT ${facts.map((f) => `count(${columnName({ kind: 'fitting_rows', source: f })}) AS ${f}`).join(', ')} FROM ${rollupRangesTable}`);
  return Object.assign(new Set(facts), { ranged: new Set(facts.filter((f) => Number(counts?.[f] ?? 1) > 0)) });
}

async function columnTypes(db: Database, parts: ReturnType<typeof rollupParts>): Promise<Map<string, string>> {
  const types = new Map<string, string>();
  for (const part of parts) {
    for (const r of await db.all(duckdb.describe(part.sql))) types.set(String(r.column_name), String(r.column_type));
  }
  return types;
}

async function rebuild(db: Database, covered: FactId[]): Promise<void> {
  const parts = rollupParts(covered, duckdb);
  await db.run(rollupCreateSql(duckdb, rollupSelect(parts, await columnTypes(db, parts))));
  await db.run(weekLevelSql(duckdb, await rollupColumns(db)));
}

async function rollupColumns(db: Database): Promise<{ name: string; type: string }[]> {
  return (await db.all(duckdb.describe(rollupTable))).map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
}

/** Rewrites the days the imports after `since` touched; false when that cannot be done exactly. */
async function refreshImports(db: Database, covered: FactId[], since: number): Promise<boolean> {
  const spans = Object.entries(sourceTables).map(([t, [from, to]]) =>
    `SELECT store, marketplace, min(${from}) AS date_from, max(${to}) AS date_to FROM ${t} WHERE import_id > ${since} GROUP BY store, marketplace`);
  await db.run(duckdb.replaceTable('rollup_windows', `
    SELECT store, marketplace, min(date_from) AS date_from, max(date_to) AS date_to FROM (
      ${spans.join('\n      UNION ALL\n      ')}
      UNION ALL
      SELECT store, marketplace, date_from, date_to FROM import_log WHERE id > ${since} AND marketplace IS NOT NULL AND date_from IS NOT NULL AND date_to IS NOT NULL
      UNION ALL
      -- an import split per marketplace (unified account) replaced rows of the file's days in each of them
      SELECT l.store, m.marketplace, l.date_from, l.date_to FROM import_marketplaces m JOIN import_log l ON l.id = m.import_id
       WHERE l.id > ${since} AND l.date_from IS NOT NULL AND l.date_to IS NOT NULL
    ) s GROUP BY store, marketplace`, true));
  const [span] = await db.all('SELECT CAST(min(date_from) AS VARCHAR) AS date_from, CAST(max(date_to) AS VARCHAR) AS date_to FROM rollup_windows');
  if (!span?.date_from || !span.date_to) return false;
  const bounds: RollupBounds = { from: String(span.date_from), to: String(span.date_to) };
  if (![bounds.from, bounds.to].every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))) return false;
  const parts = rollupParts(covered, duckdb, bounds);
  const columns = ['store', 'marketplace', 'asin', 'date_from', 'date_to', 'currency', ...parts.flatMap((p) => p.columns)];
  await db.run(`DELETE FROM ${rollupTable} r WHERE r.date_to >= DATE '${bounds.from}' AND r.date_from <= DATE '${bounds.to}' AND ${inWindows('r', 'rollup_windows')};
    INSERT INTO ${rollupTable} (${columns.join(', ')}) ${rollupSelect(parts, await columnTypes(db, parts), 'rollup_windows')}`);
  await db.run(weekLevelSql(duckdb, await rollupColumns(db), { table: 'rollup_windows', bounds }));
  // rows an import removed outside the days it loaded (a master-data file) would linger: the plain facts' counts
  // tell; and the week level must hold every row of the rollup once, in a week or as another range row
  const checks = covered.filter((f) => plainFacts[f]);
  const rowsOf = (table: string, where = 'TRUE') => `SELECT ${covered.map((f) => `coalesce(sum(${columnName({ kind: 'fitting_rows', source: f })}), 0) AS ${f}`).join(', ')} FROM ${table} r WHERE ${where}`;
  const [rolled, weekLevel, plain] = await Promise.all([
    db.all(rowsOf(rollupTable)),
    db.all(`SELECT ${covered.map((f) => `sum(${f}) AS ${f}`).join(', ')} FROM (${rowsOf(rollupWeeksTable)} UNION ALL ${rowsOf(rollupRangesTable)}) w`),
    checks.length ? db.all(checks.map((f) => `SELECT '${f}' AS fact, count(*) AS n FROM ${plainFacts[f]}`).join(' UNION ALL ')) : [],
  ]);
  const sizes = new Map(plain.map((r) => [String(r.fact), String(r.n)]));
  return covered.every((f) => String(rolled[0]?.[f]) === String(weekLevel[0]?.[f])) && checks.every((f) => String(rolled[0]?.[f]) === sizes.get(f));
}
