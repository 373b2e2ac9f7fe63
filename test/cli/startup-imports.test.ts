import { build, type Metafile } from 'esbuild';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { cliBuildOptions } from '../../scripts/cli-build-options.js';

/** Packages loaded by whatever a compiled output imports statically (what `node` loads before the first line runs). */
function loadedWith(meta: Metafile, output: string): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const walk = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const i of meta.outputs[file]?.imports ?? []) {
      if (i.kind !== 'import-statement') continue;
      if (i.external) packages.add(i.path);
      else walk(i.path);
    }
  };
  walk(output);
  return packages;
}

test('the compiled CLI starts light: --help loads no database, importer, server, chart, Excel or browser package (issue 16)', async () => {
  const root = `${resolve(import.meta.dirname, '../..')}/`;
  const outdir = `${root}dist/cli-test`;
  const { metafile } = await build({ ...cliBuildOptions(root, outdir), write: false });
  const outputs = Object.keys(metafile.outputs);
  const main = outputs.find((o) => o.endsWith('/main.js'));
  expect(main).toBeDefined();
  const atStart = [...loadedWith(metafile, main ?? '')].filter((p) => !p.startsWith('node:')).sort();
  // decimal.js (pure JS, ~30 KB) comes with the currency table the output formatting shares
  expect(atStart).toEqual(['cli-progress', 'commander', 'decimal.js', 'zod']);
  // a command that opens the database loads DuckDB, but not exceljs, echarts or playwright
  const connect = outputs.find((o) => /\/connect-\w+\.js$/.test(o));
  const withDatabase = loadedWith(metafile, connect ?? '');
  expect(withDatabase.has('@duckdb/node-api')).toBe(true);
  for (const heavy of ['exceljs', 'echarts', 'playwright-core', 'hono']) expect(withDatabase.has(heavy), heavy).toBe(false);
});
