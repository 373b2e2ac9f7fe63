/**
 * One streaming-benchmark import in its own process, so its peak RSS is its own:
 *   baseline — DuckDB alone: read_csv(all_varchar) of the same file into a table of a fresh database file
 *   asterism — `importFiles`, as `asterism import` runs it
 * Prints one JSON line: {case, seconds, rows, maxRssMb}.
 */
import { measureOnFreshDatabase } from './child-measure.ts';
import { importFiles } from '../src/ingest/index.ts';
import type { ImportOptions } from '../src/ingest/family.ts';

const [which, file, dbPath, json] = process.argv.slice(2);
if (!which || !file || !dbPath || !json) throw new Error('usage: streaming-import.ts baseline|asterism FILE DB \'{"skip":0,"delimiter":",","options":{}}\'');
const { skip, delimiter, options } = JSON.parse(json) as { skip: number; delimiter: string; options: ImportOptions };
await measureOnFreshDatabase(which, dbPath, async (db) => {
  if (which === 'baseline') {
    const text = (s: string) => `'${s.replace(/'/g, "''")}'`;
    const load = (extra: string) => db.run(`CREATE OR REPLACE TABLE baseline AS SELECT * FROM read_csv(${text(file)}, all_varchar = true, header = true, skip = ${skip}, delim = ${text(delimiter)}, quote = '"', escape = '"', strict_mode = false, null_padding = true${extra})`);
    if (file.endsWith('.json')) {
      await db.run(`CREATE TABLE baseline AS SELECT * FROM read_json(${text(file)}, format = 'array')`);
      return Number((await db.all('SELECT count(*) AS n FROM baseline'))[0]?.n);
    }
    // DuckDB's parallel reader refuses some files (quoted line ends with null_padding): then its single-threaded one
    await load('').catch((e: unknown) => (/parallel = false/.test(String(e)) ? load(', parallel = false') : Promise.reject(e)));
    return Number((await db.all('SELECT count(*) AS n FROM baseline'))[0]?.n);
  }
  const { files } = await importFiles(db, [file], options);
  if (files[0]?.status !== 'imported') throw new Error(files[0]?.error ?? 'import failed');
  return files[0].rows;
});
