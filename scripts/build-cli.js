// `npm run build:cli` (and npm's `prepare`, so `npm install`/`npm ci` run it): the CLI as compiled JavaScript in
// dist/cli/, so a command starts without compiling TypeScript. One bundle for what every command needs, a chunk per
// lazily imported part (DuckDB and the importers, the server, exceljs, echarts, playwright), loaded when a command uses it.
// dist/cli/sources.json records each bundled source file's mtime: bin/asterism.js runs the sources instead when one changed.
import { existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath, URL } from 'node:url';
import { cliBuildOptions } from './cli-build-options.js';

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

// built beside, then swapped in: a command starting meanwhile finds the old build or the new, never half of one
const fresh = `${outdir}.${process.pid}`;
rmSync(fresh, { recursive: true, force: true });
const result = await esbuild.build(cliBuildOptions(root, fresh));
const sources = {};
for (const input of Object.keys(result.metafile.inputs)) sources[input] = statSync(`${root}${input}`).mtimeMs;
writeFileSync(`${fresh}/sources.json`, `${JSON.stringify(sources)}\n`);
const old = `${outdir}.old.${process.pid}`;
if (existsSync(outdir)) renameSync(outdir, old);
renameSync(fresh, outdir);
rmSync(old, { recursive: true, force: true });
