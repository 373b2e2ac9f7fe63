import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCoverageScenario } from '../scenarios/coverage-scenario.ts';
import { runCli } from './run-cli.ts';

/** The terminal says when a compared period has fewer days of data, and where the numbers came from (coverage scenario). */
let dir: string;
let db: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-cli-coverage-'));
  db = join(dir, 'c.duckdb');
  for (const [paths, options] of writeCoverageScenario(join(dir, 'files'))) {
    const r = await runCli(['--db', db, 'import', ...paths, ...Object.entries(options).flatMap(([k, v]) => [`--${k}`, v])]);
    expect(r.code).toBe(0);
  }
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('query --compare yoy --lineage: partial_base and lineage lines beside the table (csv: piped output is JSON otherwise), in English', async () => {
  const r = await runCli(['--db', db, 'query', '--metric', 'ad_spend', '--from', '2026-10-11', '--to', '2026-10-17', '--compare', 'yoy', '--lineage', '--lang', 'en', '--csv']);
  expect(r.code).toBe(0);
  // 7 × 10.00 this week; the year-ago dates 2025-10-11 … 10-17 hold ads for 6 days (from 10-12)
  expect(r.stdout).toContain('70');
  expect(r.stderr).toContain('partial_base: ad_spend: partial base: covers 6 of 7 days (ads) (2025-10-11 – 2025-10-17)');
  expect(r.stderr).toMatch(/lineage: ads: 2026-10-11 – 2026-10-17, daily, 7 of 7 days covered, 7-day attribution, time zone US America\/Los_Angeles, imported /);
}, 60_000);
