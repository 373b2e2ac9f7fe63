import type { Database } from '../store/database.ts';
import type { ImportedFile } from './sources.ts';

/** One import, as `asterism imports list --json` lists it (newest first; cli.md "imports"): a source entry with its id and fate. */
export interface ImportEntry extends ImportedFile {
  id: number;
  /** rows of earlier imports this one replaced (kept in history: undoing it puts them back) */
  replaced: number;
  undone: boolean;
  undone_at: string | null;
  /** an import split per marketplace (a unified-account file; `marketplace` null): the marketplaces it wrote */
  marketplaces?: string[];
}

export async function listImports(db: Database, store?: string): Promise<ImportEntry[]> {
  const rows = await db.all(
    `SELECT id, file, report_type, store, marketplace, CAST(date_from AS VARCHAR) AS date_from, CAST(date_to AS VARCHAR) AS date_to,
            rows, replaced, strftime(imported_at, '%Y-%m-%dT%H:%M:%S') AS imported_at, strftime(undone_at, '%Y-%m-%dT%H:%M:%S') AS undone_at,
            (SELECT string_agg(m.marketplace, ',' ORDER BY m.marketplace) FROM import_marketplaces m WHERE m.import_id = import_log.id) AS split
       FROM import_log WHERE $1::VARCHAR IS NULL OR store = $1 ORDER BY id DESC`,
    [store ?? null],
  );
  const text = (v: unknown) => (v === null ? null : String(v));
  return rows.map((r) => ({
    id: Number(r.id), file: String(r.file), type: String(r.report_type), store: String(r.store), marketplace: text(r.marketplace),
    from: text(r.date_from), to: text(r.date_to), rows: Number(r.rows), replaced: Number(r.replaced),
    imported_at: String(r.imported_at), undone: r.undone_at !== null, undone_at: text(r.undone_at),
    ...(r.split === null ? {} : { marketplaces: String(r.split).split(',') }),
  }));
}
