import type { Database } from '../store/database.ts';

/** One imported file, as `asterism sources` lists it (cli.md "sources"). */
export interface SourceEntry {
  file: string;
  type: string;
  store: string;
  marketplace: string | null;
  from: string | null;
  to: string | null;
  rows: number;
  imported_at: string;
}

export async function listSources(db: Database, store?: string): Promise<SourceEntry[]> {
  const rows = await db.all(
    `SELECT file, report_type, store, marketplace, CAST(date_from AS VARCHAR) AS date_from, CAST(date_to AS VARCHAR) AS date_to,
            rows, strftime(imported_at, '%Y-%m-%dT%H:%M:%S') AS imported_at
       FROM import_log WHERE $1::VARCHAR IS NULL OR store = $1 ORDER BY id`,
    [store ?? null],
  );
  return rows.map((r) => ({
    file: String(r.file), type: String(r.report_type), store: String(r.store),
    marketplace: r.marketplace === null ? null : String(r.marketplace),
    from: r.date_from === null ? null : String(r.date_from), to: r.date_to === null ? null : String(r.date_to),
    rows: Number(r.rows), imported_at: String(r.imported_at),
  }));
}
