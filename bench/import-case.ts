/**
 * One benchmark case in its own process, so its peak RSS is its own:
 *   baseline  — DuckDB alone: read_csv with the same cleaning SQL into a table of a fresh database file
 *   asterism  — `importFiles`, as `asterism import` runs it (detection, hash, checks, replacement, log)
 * Prints one JSON line: {case, seconds, rows, maxRssMb}.
 */
import { measureOnFreshDatabase } from './child-measure.ts';
import { importFiles } from '../src/ingest/index.ts';
import { recogniseLarge } from '../src/ingest/import-large.ts';
import { loadSelect, readCsvSql } from '../src/ingest/bulk-sql.ts';

const [which, file, dbPath] = process.argv.slice(2);
if (!which || !file || !dbPath) throw new Error('usage: import-case.ts baseline|asterism FILE DB');
await measureOnFreshDatabase(which, dbPath, async (db) => {
  if (which === 'baseline') {
    const large = await recogniseLarge(file);
    if (!large) throw new Error('not a bulk-loadable file');
    const { select } = loadSelect(large.plan, large.columns);
    await db.run(`CREATE TABLE baseline AS SELECT ${select.join(', ')} FROM ${readCsvSql(file, large.header.length, large.headerLine, large.delimiter)}`);
    return Number((await db.all('SELECT count(*) AS n FROM baseline'))[0]?.n);
  }
  const { files } = await importFiles(db, [file], { marketplace: 'US' });
  if (files[0]?.status !== 'imported') throw new Error(files[0]?.error ?? 'import failed');
  return files[0].rows;
});
