import type { Database, SqlParam } from './database.ts';

/**
 * The report types a seller imports, by the tables their rows land in and the columns that date them.
 * A comparison is only fair when each report type covers its base period as fully as the current one:
 * Business Reports and Brand Analytics often come in Amazon weeks (Sunday to Saturday), ads by day.
 */
export const reportTypeTables = {
  business_report: [{ table: 'br_sales', from: 'date_from', to: 'date_to' }, { table: 'traffic', from: 'date_from', to: 'date_to' }],
  brand_analytics: [{ table: 'search_funnel', from: 'date_from', to: 'date_to' }, { table: 'repeat_purchase', from: 'date_from', to: 'date_to' }],
  ads: [{ table: 'ads', from: 'date_from', to: 'date_to' }],
  orders: [{ table: 'order_items', from: 'order_date', to: 'order_date' }],
  returns: [{ table: 'returns', from: 'return_date', to: 'return_date' }],
  reviews: [{ table: 'reviews', from: 'review_date', to: 'review_date' }],
  /** payments and settlement lines, by the day they posted */
  settlements: [{ table: 'transactions', from: 'posted_date', to: 'posted_date' }],
} as const;

export type ReportType = keyof typeof reportTypeTables;
export const reportTypes = Object.keys(reportTypeTables) as ReportType[];

export interface CoverageScope {
  store?: string | undefined;
  marketplace?: string | undefined;
}

/** Days covered, and the report types that had rows for them. */
export interface Covered {
  days: number;
  types: ReportType[];
}

/** By marketplace; `all` is what any marketplace in the scope covers. */
export interface CoveredDays {
  all: Covered;
  byMarketplace: ReadonlyMap<string, Covered>;
}

/**
 * How many days of `from`..`to` (inclusive, local dates) the given report types have rows for, taken
 * together, counting only rows that lie wholly inside the period: a weekly report straddling the
 * period's first day cannot answer it (the metric layer leaves it out), so it covers none of its days.
 */
export async function coveredDays(db: Database, types: readonly ReportType[], window: { from: string; to: string }, scope: CoverageScope = {}): Promise<CoveredDays> {
  const params: SqlParam[] = [];
  const parts: string[] = [];
  for (const type of new Set(types)) {
    for (const t of reportTypeTables[type]) {
      const where = [`${t.from} >= CAST(? AS DATE)`, `${t.to} <= CAST(? AS DATE)`];
      params.push(window.from, window.to);
      if (scope.store) { where.push('store = ?'); params.push(scope.store); }
      if (scope.marketplace) { where.push('marketplace = ?'); params.push(scope.marketplace.toUpperCase()); }
      parts.push(`SELECT DISTINCT '${type}' AS type, marketplace, ${t.from} AS a, ${t.to} AS b FROM ${t.table} WHERE ${where.join(' AND ')}`);
    }
  }
  if (parts.length === 0) return { all: { days: 0, types: [] }, byMarketplace: new Map() };
  params.push(window.from, window.to);
  const rows = await db.all(
    `WITH r AS (${parts.join(' UNION ')}),
          d AS (SELECT CAST(range AS DATE) AS day FROM range(CAST(? AS DATE), CAST(? AS DATE) + INTERVAL 1 DAY, INTERVAL 1 DAY))
     SELECT marketplace, count(DISTINCT day) AS days, string_agg(DISTINCT type, ',' ORDER BY type) AS types
     FROM d JOIN r ON d.day BETWEEN r.a AND r.b
     GROUP BY GROUPING SETS ((marketplace), ())`, params);
  const byMarketplace = new Map<string, Covered>();
  let all: Covered = { days: 0, types: [] };
  for (const row of rows) {
    const covered = { days: Number(row.days), types: String(row.types ?? '').split(',').filter(Boolean) as ReportType[] };
    if (row.marketplace === null || row.marketplace === undefined) all = covered;
    else byMarketplace.set(String(row.marketplace), covered);
  }
  return { all, byMarketplace };
}

/**
 * The range of the latest Business Report rows in the scope (the report a seller downloads for a day,
 * an Amazon week or a month); null without any. A review's default week follows it when it is a week.
 */
export async function latestBusinessReportRange(db: Database, scope: CoverageScope = {}): Promise<{ from: string; to: string } | null> {
  const where: string[] = [];
  const params: SqlParam[] = [];
  if (scope.store) { where.push('store = ?'); params.push(scope.store); }
  if (scope.marketplace) { where.push('marketplace = ?'); params.push(scope.marketplace.toUpperCase()); }
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const rows = await db.all(
    `SELECT strftime(date_from, '%Y-%m-%d') AS "from", strftime(date_to, '%Y-%m-%d') AS "to" FROM (
       SELECT date_from, date_to FROM traffic ${filter} UNION ALL SELECT date_from, date_to FROM br_sales ${filter})
     ORDER BY date_to DESC, date_from DESC LIMIT 1`, [...params, ...params]);
  const r = rows[0];
  return r ? { from: String(r.from), to: String(r.to) } : null;
}

/** Where the numbers of one report type in a period came from (issue 15: lineage on every number). */
export interface ReportLineage {
  source: ReportType;
  /** the first and last day its rows in the period cover */
  from: string;
  to: string;
  /** the lengths of its rows, in days: 1 a daily report, 7 an Amazon week, 28–31 a month */
  row_days: number[];
  marketplaces: string[];
  /** ads: the attribution windows of the rows, in days (7 for Sponsored Products, 14 for Brands and Display) */
  attribution_days: number[];
  /** the latest import of those rows (UTC) */
  imported_at: string;
  files: number;
}

/** The lineage of each report type with rows overlapping the period (or anywhere, without one), in the scope. */
export async function reportLineage(db: Database, types: readonly ReportType[], window: { from?: string | undefined; to?: string | undefined }, scope: CoverageScope = {}): Promise<ReportLineage[]> {
  const params: SqlParam[] = [];
  const parts: string[] = [];
  for (const type of new Set(types)) {
    for (const t of reportTypeTables[type]) {
      const where = ['true'];
      if (window.to) { where.push(`${t.from} <= CAST(? AS DATE)`); params.push(window.to); }
      if (window.from) { where.push(`${t.to} >= CAST(? AS DATE)`); params.push(window.from); }
      if (scope.store) { where.push('store = ?'); params.push(scope.store); }
      if (scope.marketplace) { where.push('marketplace = ?'); params.push(scope.marketplace.toUpperCase()); }
      const attribution = t.table === 'ads' ? 'attribution_days' : 'CAST(NULL AS INTEGER)';
      parts.push(`SELECT DISTINCT '${type}' AS type, marketplace, ${t.from} AS a, ${t.to} AS b, import_id, ${attribution} AS attribution FROM ${t.table} WHERE ${where.join(' AND ')}`);
    }
  }
  if (parts.length === 0) return [];
  const rows = await db.all(
    `SELECT r.type, strftime(min(r.a), '%Y-%m-%d') AS "from", strftime(max(r.b), '%Y-%m-%d') AS "to",
            string_agg(DISTINCT CAST(date_diff('day', a, b) + 1 AS VARCHAR), ',') AS row_days,
            string_agg(DISTINCT r.marketplace, ',') AS marketplaces, string_agg(DISTINCT CAST(attribution AS VARCHAR), ',') AS attribution,
            strftime(max(l.imported_at), '%Y-%m-%dT%H:%M:%S') AS imported_at, count(DISTINCT r.import_id) AS files
     FROM (${parts.join(' UNION ')}) r LEFT JOIN import_log l ON l.id = r.import_id
     GROUP BY r.type ORDER BY r.type`, params);
  const numbers = (v: unknown) => String(v ?? '').split(',').filter(Boolean).map(Number).sort((x, y) => x - y);
  return rows.map((r) => ({
    source: String(r.type) as ReportType, from: String(r.from), to: String(r.to), row_days: numbers(r.row_days),
    marketplaces: String(r.marketplaces ?? '').split(',').filter(Boolean).sort(), attribution_days: numbers(r.attribution),
    imported_at: String(r.imported_at), files: Number(r.files),
  }));
}

/** Per import: the shortest and longest row in days (1 daily, 7 weekly …) and the ads' attribution windows;
 * one aggregate pass over the dated tables, for `asterism sources`. */
export async function rowShapesByImport(db: Database): Promise<Map<number, { row_days: number[]; attribution_days: number[] }>> {
  const parts = Object.values(reportTypeTables).flatMap((tables) => tables.map((t) =>
    `SELECT import_id, min(date_diff('day', ${t.from}, ${t.to})) + 1 AS shortest, max(date_diff('day', ${t.from}, ${t.to})) + 1 AS longest,
            ${t.table === 'ads' ? 'min(attribution_days)' : 'NULL'} AS attribution_min, ${t.table === 'ads' ? 'max(attribution_days)' : 'NULL'} AS attribution_max
     FROM ${t.table} GROUP BY import_id`));
  const rows = await db.all(parts.join(' UNION ALL '));
  const pair = (a: unknown, b: unknown) => [...new Set([a, b].filter((v) => v !== null && v !== undefined).map(Number))];
  return new Map(rows.map((r) => [Number(r.import_id), { row_days: pair(r.shortest, r.longest), attribution_days: pair(r.attribution_min, r.attribution_max) }]));
}

/**
 * Per Amazon week (Sunday to Saturday, keyed by its Sunday) of `from`..`to`, the days the given report
 * types cover in one store and marketplace, counting only rows lying wholly inside the week (as a weekly
 * question reads them), and the types that had rows: one pass for a whole series of weeks.
 */
export async function coveredDaysByWeek(
  db: Database, types: readonly ReportType[], window: { from: string; to: string }, scope: { store?: string | null | undefined; marketplace: string },
): Promise<Map<string, Covered>> {
  const params: SqlParam[] = [];
  const parts: string[] = [];
  for (const type of new Set(types)) {
    for (const t of reportTypeTables[type]) {
      const where = [`${t.from} >= CAST(? AS DATE)`, `${t.to} <= CAST(? AS DATE)`, 'marketplace = ?'];
      params.push(window.from, window.to, scope.marketplace.toUpperCase());
      if (scope.store) { where.push('store = ?'); params.push(scope.store); }
      parts.push(`SELECT DISTINCT '${type}' AS type, ${t.from} AS a, ${t.to} AS b FROM ${t.table} WHERE ${where.join(' AND ')}`);
    }
  }
  if (parts.length === 0) return new Map();
  const rows = await db.all(
    `WITH r AS (SELECT type, a, b, a - CAST(dayofweek(a) AS INTEGER) AS week FROM (${parts.join(' UNION ')})),
          d AS (SELECT type, week, CAST(unnest(range(CAST(a AS TIMESTAMP), CAST(b AS TIMESTAMP) + INTERVAL 1 DAY, INTERVAL 1 DAY)) AS DATE) AS day
                FROM r WHERE b <= week + 6)
     SELECT strftime(week, '%Y-%m-%d') AS week, count(DISTINCT day) AS days, string_agg(DISTINCT type, ',' ORDER BY type) AS types
     FROM d GROUP BY week`, params);
  return new Map(rows.map((r) => [String(r.week), { days: Number(r.days), types: String(r.types ?? '').split(',').filter(Boolean) as ReportType[] }]));
}
