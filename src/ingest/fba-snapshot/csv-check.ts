import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../../store/database.ts';

/**
 * Test support (imported by *.test.ts only): DuckDB's read_csv over a real file, as the second
 * path that totals are checked against. DuckDB refuses cp1252 bytes (0x96) as latin-1, so the file
 * is first re-written as UTF-8 into the test's own folder (from `encoding`: `shift_jis` is cp932 in WHATWG terms).
 */
export async function duckdbTotals(
  db: Database, dir: string, file: string, select: string, options = 'header = true', encoding = 'windows-1252',
): Promise<Record<string, unknown>> {
  const copy = join(dir, 'duckdb-copy.csv');
  writeFileSync(copy, new TextDecoder(encoding).decode(readFileSync(file)).replace(/^\uFEFF|^ï»¿/, ''));
  const [row] = await db.all(`SELECT ${select} FROM read_csv('${copy}', ${options})`);
  return row ?? {};
}
