// The esbuild options of the compiled CLI (scripts/build-cli.js), shared with the test that keeps its start light.
/** @param {string} root the package root, ending in '/'; @param {string} outdir */
export const cliBuildOptions = (root, outdir) => ({
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
