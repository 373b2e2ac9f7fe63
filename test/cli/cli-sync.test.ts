import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { addDays } from '../../src/domain/calendar.ts';
import { todayIn } from '../../src/domain/local-date.ts';
import { storeUs, syncWorld, type SyncWorld } from '../fakes/sync-setup.ts';
import { runCli } from './run-cli.ts';

let world: SyncWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

test('connect, sync run and sync status answer the contract of issue 18, and no secret is printed', async () => {
  world = await syncWorld({ outcome: (type) => (type === 'GET_FBA_INVENTORY_PLANNING_DATA' ? 'FATAL' : 'DONE') });
  const env = world.env as Record<string, string>;
  const db = ['--db', world.db];
  const connected = await runCli([...db, 'connect', 'amazon', '--store', storeUs.store, '--region', 'na', '--marketplace', 'US',
    '--refresh-token', storeUs.refreshToken, '--client-id', storeUs.clientId, '--client-secret', storeUs.clientSecret, '--json'], env);
  expect(connected.code, connected.stderr).toBe(0);
  expect(JSON.parse(connected.stdout).connection).toMatchObject({ api: 'sp', store: storeUs.store, marketplaces: ['US'] });
  const listed = await runCli([...db, 'connect', 'list', '--json'], env);
  expect(JSON.parse(listed.stdout).connections).toMatchObject([{ store: storeUs.store, token_ok: true, token_error: null }]);
  for (const out of [connected.stdout, connected.stderr, listed.stdout]) {
    expect(out).not.toContain(storeUs.refreshToken);
    expect(out).not.toContain(storeUs.clientSecret);
  }

  const to = addDays(todayIn('America/Los_Angeles'), -1);
  const ran = await runCli([...db, 'sync', 'run', '--store', storeUs.store, '--report', 'GET_SALES_AND_TRAFFIC_REPORT', '--from', to, '--to', to, '--json'], env);
  expect(ran.code, ran.stderr).toBe(0);
  expect(JSON.parse(ran.stdout)).toEqual({ runs: [{ store: storeUs.store, marketplace: 'US', report_type: 'GET_SALES_AND_TRAFFIC_REPORT', from: to, to, status: 'imported', rows: 2, error: null }] });

  // a failed run: exit code 1, the run says why
  const failed = await runCli([...db, 'sync', 'run', '--report', 'GET_FBA_INVENTORY_PLANNING_DATA', '--json'], env);
  expect(failed.code).toBe(1);
  expect(JSON.parse(failed.stdout).runs[0]).toMatchObject({ status: 'error', error: expect.stringContaining('FATAL') });

  const status = await runCli([...db, 'sync', 'status', '--json'], env);
  const reports = JSON.parse(status.stdout).reports as Record<string, unknown>[];
  const st = reports.find((r) => r.report_type === 'GET_SALES_AND_TRAFFIC_REPORT');
  expect(Object.keys(st ?? {})).toEqual(expect.arrayContaining(['store', 'report_type', 'covered_from', 'covered_to', 'last_success', 'last_error', 'next_run']));
  expect(st).toMatchObject({ store: storeUs.store, covered_from: to, covered_to: to, last_error: null });
  // the failure's reason kept in both languages: the table speaks the language asked for
  expect(reports.find((r) => r.report_type === 'GET_FBA_INVENTORY_PLANNING_DATA')).toMatchObject({
    last_error: expect.stringContaining('Amazon could not make report GET_FBA_INVENTORY_PLANNING_DATA'),
    last_error_zh: expect.stringContaining('亚马逊无法生成'),
  });
  const zhTable = await runCli([...db, '--lang', 'zh', 'sync', 'status'], env);
  expect(zhTable.stdout).toContain('亚马逊无法生成');

  // a store that is not connected: one line, in the language asked for
  const unknown = await runCli([...db, '--lang', 'zh', 'sync', 'run', '--store', 'nobody'], env);
  expect(unknown.code).toBe(1);
  expect(unknown.stderr.trim()).toBe('asterism: 店铺“nobody”没有 SP-API 连接：请先运行 `asterism connect amazon --store nobody …`');
}, 120_000);

test('sync run on a terminal draws a bar per store × report type while it works, then the table', async () => {
  world = await syncWorld();
  const env = world.env as Record<string, string>;
  const db = ['--db', world.db];
  const connected = await runCli([...db, 'connect', 'amazon', '--store', storeUs.store, '--region', 'na', '--marketplace', 'US',
    '--refresh-token', storeUs.refreshToken, '--client-id', storeUs.clientId, '--client-secret', storeUs.clientSecret, '--json'], env);
  expect(connected.code, connected.stderr).toBe(0);
  const to = addDays(todayIn('America/Los_Angeles'), -1);
  // util-linux `script` gives the command a pseudo-terminal, as a seller's shell has
  const command = [process.execPath, resolve('bin/asterism.js'), ...db, 'sync', 'run', '--store', storeUs.store, '--report', 'GET_SALES_AND_TRAFFIC_REPORT', '--from', addDays(to, -1), '--to', to]
    .map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const onTerminal = await new Promise<{ code: number | null; out: string }>((done) => {
    // a terminal wide enough for the whole bar: a pseudo-terminal's width is otherwise whatever the machine gives (often 80)
    const child = spawn('script', ['-qec', `stty cols 200; ${command}`, '/dev/null'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (code) => done({ code, out }));
  });
  expect(onTerminal.code, onTerminal.out).toBe(0);
  expect(onTerminal.out).toMatch(/acme-us US GET_SALES_AND_TRAFFIC_REPORT\s+\S+ 2\/2 done \/ 完成/);
  expect(onTerminal.out).toMatch(/imported/);
}, 120_000);
