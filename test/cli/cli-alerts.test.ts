import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runCli } from './run-cli.ts';

/**
 * `asterism alerts …` through the real binary, as issue 19's contract writes it: channels add|list|test,
 * rules add|list|remove, run [--as-of] [--dry-run] --json, on the funnel fixture (B0FUNNEL01's Buy Box
 * 96% → 60% in the week of 2026-10-11, owner "li"), into a webhook receiver on 127.0.0.1.
 */
let dir: string;
let db: string;
let server: Server;
let base: string;
const received: { url: string; body: string }[] = [];
const fixture = (name: string) => resolve(import.meta.dirname, '../fixtures/funnel', name);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-cli-alerts-'));
  db = join(dir, 'alerts.duckdb');
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      received.push({ url: req.url ?? '', body });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  for (const [file, from, to] of [['br-week-2026-10-04.csv', '2026-10-04', '2026-10-10'], ['br-week-2026-10-11.csv', '2026-10-11', '2026-10-17']] as const) {
    const r = await runCli(['import', fixture(file), '--marketplace', 'US', '--from', from, '--to', to, '--json', '--db', db]);
    expect(r.code, r.stderr).toBe(0);
  }
  expect((await runCli(['import', fixture('products.csv'), '--json', '--db', db])).code).toBe(0);
}, 120_000);
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  rmSync(dir, { recursive: true, force: true });
});

test('channels add, list (never the URL or secret) and test (signed)', async () => {
  const added = await runCli(['alerts', 'channels', 'add', '--name', 'li-ding', '--type', 'dingtalk', '--url', `${base}/robot/send?access_token=tok-li`,
    '--secret', 'SEC-li', '--owner', 'li', '--lang', 'zh', '--json', '--db', db]);
  expect(added.stderr).toBe('');
  expect(JSON.parse(added.stdout).channel).toMatchObject({ name: 'li-ding', type: 'dingtalk', owner: 'li', lang: 'zh', has_secret: true });
  const listed = await runCli(['alerts', 'channels', 'list', '--json', '--db', db]);
  expect(listed.stdout).not.toContain('tok-li');
  expect(listed.stdout).not.toContain('SEC-li');
  const tested = await runCli(['alerts', 'channels', 'test', 'li-ding', '--json', '--db', db]);
  expect(JSON.parse(tested.stdout)).toEqual({ channel: 'li-ding', status: 'delivered', error: null, message: null });
  const url = new URL(received.at(-1)!.url, base);
  const ts = url.searchParams.get('timestamp')!;
  expect(url.searchParams.get('sign')).toBe(createHmac('sha256', 'SEC-li').update(`${ts}\nSEC-li`).digest('base64'));
  const bad = await runCli(['alerts', 'channels', 'add', '--name', 'm', '--type', 'email', '--url', 'smtp://127.0.0.1:25', '--db', db]);
  expect(bad.code).toBe(1);
  expect(bad.stderr).toMatch(/--to|to/);
});

test('rules add (a percentage), list and remove', async () => {
  const added = await runCli(['alerts', 'rules', 'add', '--metric', 'unit_session_pct', '--op', 'lt', '--value', '1%', '--asin', 'B0FUNNEL02', '--json', '--db', db]);
  expect(JSON.parse(added.stdout).rule).toMatchObject({ metric: 'unit_session_pct', op: 'lt', value: 0.01, asin: 'B0FUNNEL02', enabled: true });
  const id = JSON.parse(added.stdout).rule.id as number;
  const listed = JSON.parse((await runCli(['alerts', 'rules', 'list', '--json', '--db', db])).stdout);
  expect(listed.rules.map((r: { id: number }) => r.id)).toEqual([id]);
  expect(listed.detectors.map((d: { id: string }) => d.id)).toContain('buy_box');
  expect(JSON.parse((await runCli(['alerts', 'rules', 'remove', String(id), '--json', '--db', db])).stdout)).toEqual({ removed: true });
  const unknown = await runCli(['alerts', 'rules', 'add', '--metric', 'happiness', '--op', 'gt', '--value', '1', '--db', db]);
  expect(unknown.code).toBe(1);
});

test('run --dry-run, run, run again: the Buy Box alert once, to its owner, in Chinese', async () => {
  const dry = JSON.parse((await runCli(['alerts', 'run', '--as-of', '2026-10-17', '--dry-run', '--json', '--db', db])).stdout);
  const before = received.length;
  const buyBox = dry.alerts.filter((a: { detector: string }) => a.detector === 'buy_box');
  expect(buyBox).toHaveLength(1);
  expect(buyBox[0]).toMatchObject({ id: null, rule: null, scope: { store: 'default', marketplace: 'US', asin: 'B0FUNNEL01' }, severity: 'critical', state: 'new', deliveries: [{ channel: 'li-ding', status: 'dry_run' }] });

  const run = await runCli(['alerts', 'run', '--as-of', '2026-10-17', '--json', '--db', db]);
  expect(run.stderr).toBe('');
  const answer = JSON.parse(run.stdout);
  const alert = answer.alerts.find((a: { detector: string }) => a.detector === 'buy_box');
  expect(Object.keys(alert).sort()).toEqual(expect.arrayContaining(['id', 'rule', 'detector', 'scope', 'severity', 'state', 'message', 'deliveries']));
  expect(alert).toMatchObject({ state: 'new', deliveries: [{ channel: 'li-ding', status: 'delivered' }] });
  // 96% → 60%: −36.0 points; sessions 500 ≥ 50
  expect(alert.message.zh).toContain('购物车获得率 60.0%，低于 70.0%');
  expect(alert.message.en).toContain('Buy Box % 96.0% → 60.0% against the week before (−36.0 pts)');
  const sent = received.slice(before).filter((m) => m.body.includes('B0FUNNEL01') && m.body.includes('购物车获得率'));
  expect(sent).toHaveLength(1);

  const again = JSON.parse((await runCli(['alerts', 'run', '--as-of', '2026-10-17', '--json', '--db', db])).stdout);
  expect(again.alerts.find((a: { detector: string }) => a.detector === 'buy_box')).toMatchObject({ id: alert.id, state: 'open' });
  expect(received.slice(before).filter((m) => m.body.includes('B0FUNNEL01') && m.body.includes('购物车获得率'))).toHaveLength(1);

  // snoozed for a day: it clears (as of the week before the drop) without a message
  expect(JSON.parse((await runCli(['alerts', 'snooze', String(alert.id), '--hours', '24', '--json', '--db', db])).stdout)).toEqual({ snoozed: true });
  const count = received.length;
  const cleared = JSON.parse((await runCli(['alerts', 'run', '--as-of', '2026-10-10', '--json', '--db', db])).stdout);
  expect(cleared.alerts.find((a: { id: number }) => a.id === alert.id)).toMatchObject({ state: 'resolved', deliveries: [] });
  expect(received.length).toBe(count);
}, 90_000);
