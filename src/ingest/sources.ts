import { marketplaceByCode } from '../domain/marketplaces.ts';
import type { Database } from '../store/database.ts';
import { rowShapesByImport } from '../store/source-coverage.ts';

/** One imported file, as the import log holds it. */
export interface ImportedFile {
  file: string;
  type: string;
  store: string;
  marketplace: string | null;
  from: string | null;
  to: string | null;
  rows: number;
  imported_at: string;
}

/** One imported file, as `asterism sources` lists it (cli.md "sources"), with where its dates come from. */
export interface SourceEntry extends ImportedFile {
  /** the marketplace's time zone: the dates are its local dates (null: no marketplace, or unknown) */
  time_zone: string | null;
  /** the shortest and longest row, in days: [1] a daily report, [7] an Amazon week; empty for undated rows */
  row_days: number[];
  /** ads: the attribution window(s) of its rows, in days */
  attribution_days: number[];
}

export async function listSources(db: Database, store?: string): Promise<SourceEntry[]> {
  const rows = await db.all(
    `SELECT id, file, report_type, store, marketplace, CAST(date_from AS VARCHAR) AS date_from, CAST(date_to AS VARCHAR) AS date_to,
            rows, strftime(imported_at, '%Y-%m-%dT%H:%M:%S') AS imported_at
       FROM import_log WHERE $1::VARCHAR IS NULL OR store = $1 ORDER BY id`,
    [store ?? null],
  );
  const shapes = await rowShapesByImport(db);
  return rows.map((r) => ({
    file: String(r.file), type: String(r.report_type), store: String(r.store),
    marketplace: r.marketplace === null ? null : String(r.marketplace),
    from: r.date_from === null ? null : String(r.date_from), to: r.date_to === null ? null : String(r.date_to),
    rows: Number(r.rows), imported_at: String(r.imported_at),
    time_zone: r.marketplace === null ? null : marketplaceByCode(String(r.marketplace))?.timeZone ?? null,
    row_days: shapes.get(Number(r.id))?.row_days ?? [], attribution_days: shapes.get(Number(r.id))?.attribution_days ?? [],
  }));
}
