import type { Database } from './database.ts';

/** Row counts of the given tables, with the newest import's id: a cheap fingerprint of what derived
 * data (the ASIN rollup, product facts) was computed from. Tables are named by code, never by input.
 * (The counts are one statement of their own: asked together with other subqueries, DuckDB takes
 * several times longer.) */
export async function tableSizes(db: Database, tables: readonly string[]): Promise<{ counts: string[]; latestImport: number | null }> {
  const [sizes] = await db.all(`SELECT ${tables.map((t) => `(SELECT count(*) FROM ${t}) AS ${t}`).join(', ')}`);
  const [latest] = await db.all('SELECT max(id) AS id FROM import_log');
  return { counts: tables.map((t) => String(sizes?.[t] ?? 0)), latestImport: latest?.id == null ? null : Number(latest.id) };
}
