/**
 * Imports every fixture file (test/fixtures/ingest and ../shared/fixtures/data) into a fresh
 * database and prints each file's result and every canonical table's rows, sorted: run it before
 * and after a change to the readers and diff the two outputs (answers must be byte-identical).
 *   node --import tsx scripts/dump-fixture-imports.ts > before.txt
 * With `--batch-rows N --chunk-bytes N` files are read in tiny batches and chunks (the same answers must come out).
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { Database } from '../src/store/database.ts';
import { importFiles } from '../src/ingest/import-files.ts';
import { readLimits } from '../src/ingest/read-report.ts';
import { sourceLimits } from '../src/ingest/source-file.ts';

// `--batch-rows 7 --chunk-bytes 100`: the same answers must come out of tiny batches and chunks
const option = (name: string) => Number(process.argv[process.argv.indexOf(name) + 1]) || undefined;
readLimits.batchRows = option('--batch-rows') ?? readLimits.batchRows;
sourceLimits.chunkBytes = option('--chunk-bytes') ?? sourceLimits.chunkBytes;

const roots = [resolve('test/fixtures/ingest'), resolve('../shared/fixtures/data')];
const files = roots.flatMap((root) => walk(root)).filter((f) => !f.endsWith('.md')).sort();
const fallback = { marketplace: 'US', from: '2026-10-01', to: '2026-10-31', date: '2026-10-15' };
const dir = mkdtempSync(join(tmpdir(), 'asterism-dump-'));
const db = await Database.open(join(dir, 'dump.duckdb'));
try {
  for (const file of files) {
    let [result] = (await importFiles(db, [file], { date: '2026-10-15' })).files;
    if (result?.status === 'error') [result] = (await importFiles(db, [file], fallback)).files;
    const { file: _f, ...rest } = result ?? {};
    console.log(relative(resolve('..'), file), JSON.stringify(rest));
  }
  const tables = await db.all(
    "SELECT DISTINCT table_name FROM information_schema.columns WHERE column_name = 'import_id' AND table_schema = current_schema() ORDER BY 1",
  );
  for (const { table_name: table } of tables) {
    const rows = await db.all(`SELECT * EXCLUDE (import_id) FROM ${String(table)}`);
    const lines = rows.map((r) => JSON.stringify(r, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))).sort();
    console.log(`## ${String(table)}: ${lines.length} rows`);
    for (const line of lines) console.log(line);
  }
} finally {
  db.close();
  rmSync(dir, { recursive: true, force: true });
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}
