import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Database } from '../../src/store/database.ts';
import { loadMetricScenario } from '../scenarios/metric-scenario.ts';
import { runCli } from '../cli/run-cli.ts';

/** DuckDB lets one process hold a file: while `asterism serve` holds it, the CLI goes through the server. */
let dir: string;
let dbPath: string;
let server: ChildProcess | undefined;

function startServe(): Promise<string> {
  return new Promise((done, fail) => {
    server = spawn(process.execPath, [resolve('bin/asterism.js'), 'serve', '--port', '0', '--db', dbPath], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    server.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const url = /at (http:\/\/\S+)/.exec(out)?.[1];
      if (url) done(url);
    });
    server.stderr?.on('data', (d: Buffer) => (out += d.toString()));
    server.on('exit', (code) => fail(new Error(`serve exited ${code}: ${out}`)));
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-serve-'));
  dbPath = join(dir, 'shared.duckdb');
  const db = await Database.open(dbPath);
  await loadMetricScenario(db);
  db.close();
});
afterAll(() => {
  server?.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

describe('serve and CLI on one database file', () => {
  test('health, then a CLI query answered through the server, then a clean stop', async () => {
    const url = await startServe();
    expect(await (await fetch(`${url}/api/health`)).json()).toEqual({ ok: true });
    expect(existsSync(`${dbPath}.server.json`)).toBe(true);
    const r = await runCli(['query', '--metric', 'sessions', '--by', 'marketplace', '--from', '2026-10-01', '--json', '--db', dbPath]);
    expect(r.stderr).toBe('');
    // US 100 + 50 + 200 = 350; DE 80
    expect(JSON.parse(r.stdout).rows).toMatchObject([{ marketplace: 'DE', sessions: 80 }, { marketplace: 'US', sessions: 350 }]);
    const bad = await runCli(['query', '--metric', 'nope', '--db', dbPath]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^asterism: unknown metric "nope"/);
    const stopped = new Promise((done) => server?.once('exit', done));
    server?.kill('SIGTERM');
    await stopped;
    expect(existsSync(`${dbPath}.server.json`)).toBe(false);
  });

  test('a file held by another process without a server: one clear line, no raw lock error', async () => {
    const holder = await Database.open(dbPath);
    try {
      const r = await runCli(['query', '--metric', 'sales', '--db', dbPath]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^asterism: database .* is in use by another process \(pid \d+\)/);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    } finally {
      holder.close();
    }
  });
});
