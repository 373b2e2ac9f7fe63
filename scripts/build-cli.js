// `npm run build:cli` (and npm's `prepare`, so `npm install`/`npm ci` run it): the CLI as compiled JavaScript in
// dist/cli/, so a command starts without compiling TypeScript. One bundle for what every command needs, a chunk per
// lazily imported part (DuckDB and the importers, the server, exceljs, echarts, playwright), loaded when a command uses it.
// dist/cli/sources.json records each bundled source file's mtime: bin/asterism.js runs the sources instead when one changed.
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath, URL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/cli`;

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  // an install without dev dependencies: bin/asterism.js then runs the TypeScript sources through tsx
  console.warn('build:cli: esbuild is not installed, dist/cli not built (the CLI runs its sources, slower to start)');
  process.exit(0);
}

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
const result = await esbuild.build({
  absWorkingDir: root,
  entryPoints: { main: 'src/cli/main.ts' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // dependencies load from node_modules as they are (DuckDB's native binding cannot be bundled)
  packages: 'external',
  // every output file sits two folders below the package root, as src/<layer>/x.ts does, so paths written
  // relative to import.meta.url (src/server/serve.ts: '../../web/dist') point at the same place
  outdir,
  chunkNames: '[name]-[hash]',
  sourcemap: true,
  metafile: true,
  logLevel: 'warning',
});

const sources = {};
for (const input of Object.keys(result.metafile.inputs)) sources[input] = statSync(`${root}${input}`).mtimeMs;
writeFileSync(`${outdir}/sources.json`, `${JSON.stringify(sources)}\n`);
