import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/serve.ts';

/**
 * A client generated from the server's own OpenAPI document (openapi-typescript's types, openapi-fetch's
 * calls: https://openapi-ts.dev) compiles under `tsc --strict` and calls three routes of a real server
 * on 127.0.0.1, one of them a change (issue 27).
 */
const run = promisify(execFile);
let dir: string;
let server: RunningServer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-client-'));
  server = await startServer({ dbPath: join(dir, 'client.duckdb'), port: 0, host: '127.0.0.1' });
}, 120_000);
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const client = (url: string) => `import createClient from 'openapi-fetch';
import type { paths } from './api.ts';

const api = createClient<paths>({ baseUrl: ${JSON.stringify(url)} });
const health = await api.GET('/api/health');
const set = await api.PUT('/api/fx', {
  // the document declares the header every change needs: the generated types ask for it
  params: { header: { 'X-Asterism-Request': '1' } },
  body: { rates: [{ date: '2026-10-01', base: 'EUR', quote: 'USD', rate: '1.0850' }] },
});
const rates = await api.GET('/api/fx');
const metrics = await api.GET('/api/metrics');
console.log(JSON.stringify({
  ok: health.data?.ok, set: set.response.status,
  rates: rates.data?.rates.map((r) => [r.date, r.base, r.quote, r.rate]),
  hasNetMargin: metrics.data?.metrics.some((m) => m.id === 'net_margin'),
}));
`;

test('a client generated from /api/openapi.json compiles and calls the server', async () => {
  const doc = await (await fetch(`${server.url}/api/openapi.json`)).json();
  writeFileSync(join(dir, 'api.ts'), astToString(await openapiTS(doc)));
  writeFileSync(join(dir, 'client.ts'), client(server.url));
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: {
      strict: true, noEmit: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', allowImportingTsExtensions: true,
      skipLibCheck: true, types: [],
    },
    files: ['client.ts', 'api.ts'],
  }));
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
  symlinkSync(resolve('node_modules'), join(dir, 'node_modules'));
  // compiles: a wrong path, method or body shape would fail here
  const compiled = spawnSync(process.execPath, [resolve('node_modules/typescript/bin/tsc'), '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8' });
  expect(compiled.stdout + compiled.stderr).toBe('');
  // run asynchronously: the server answers from this same process
  const { stdout: out } = await run(process.execPath, [resolve('node_modules/tsx/dist/cli.mjs'), join(dir, 'client.ts')], { encoding: 'utf8', cwd: dir });
  expect(JSON.parse(out.trim().split('\n').pop() ?? '{}')).toEqual({
    ok: true, set: 200, rates: [['2026-10-01', 'EUR', 'USD', '1.085']], hasNetMargin: true,
  });
}, 180_000);
