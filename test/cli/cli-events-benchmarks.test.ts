import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli.ts';

/** `asterism events add|list|detect` and `asterism benchmarks set|list|remove` through the real binary. */
let dir: string;
let db: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-events-'));
  db = join(dir, 'events.duckdb');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('events add, list and detect', async () => {
  const added = await runCli(['events', 'add', '--date', '2026-10-12', '--type', 'image_change', '--asin', 'B0FUNNEL02', '--marketplace', 'US', '--note', 'new main image', '--json', '--db', db]);
  expect(added.stderr).toBe('');
  expect(JSON.parse(added.stdout).event).toMatchObject({ date: '2026-10-12', end_date: '2026-10-12', type: 'image_change', origin: 'entered' });
  const bad = await runCli(['events', 'add', '--date', '2026-10-12', '--type', 'earthquake', '--db', db]);
  expect(bad.code).toBe(1);
  expect(bad.stderr).toMatch(/^asterism: .*earthquake/);
  const listed = await runCli(['events', 'list', '--from', '2026-10-01', '--to', '2026-10-31', '--json', '--db', db]);
  expect(JSON.parse(listed.stdout).events.map((e: { type: string }) => e.type)).toEqual(['image_change']);
  const detected = await runCli(['events', 'detect', '--from', '2026-10-01', '--to', '2026-10-31', '--json', '--db', db]);
  expect(JSON.parse(detected.stdout)).toMatchObject({ added: 0 });
});

test('benchmarks set (a percentage or a fraction), list and remove', async () => {
  const set = await runCli(['benchmarks', 'set', '--metric', 'order_rate', '--marketplace', 'US', '--tier', 'mature', '--low', '7%', '--high', '0.15', '--json', '--db', db]);
  expect(JSON.parse(set.stdout).override).toMatchObject({ metric: 'order_rate', marketplace: 'US', tier: 'mature', low: 0.07, high: 0.15 });
  const listed = await runCli(['benchmarks', 'list', '--json', '--db', db]);
  expect(JSON.parse(listed.stdout).overrides).toHaveLength(1);
  const unknown = await runCli(['benchmarks', 'set', '--metric', 'happiness', '--low', '1', '--db', db]);
  expect(unknown.stderr).toMatch(/^asterism: .*happiness/);
  const removed = await runCli(['benchmarks', 'remove', '--metric', 'order_rate', '--marketplace', 'US', '--tier', 'mature', '--json', '--db', db]);
  expect(JSON.parse(removed.stdout).removed).toMatchObject({ metric: 'order_rate' });
});
