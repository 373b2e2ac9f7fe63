import { afterAll, beforeAll, expect, test } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeAdsFiles } from '../scenarios/ads-files.ts';
import { runCli } from './run-cli.ts';

/**
 * `asterism ads negatives → approve → export` through the binary (issue 21): the week of test/scenarios/ads-files.ts,
 * the contract's JSON shape `{"suggestions":[{"id","kind","scope","evidence","change","status"}]}`.
 */
let dir: string;
let db: string;
const cli = (...args: string[]) => runCli([...args, '--db', db], { ASTERISM_USER: 'ads-li' });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-ads-cli-'));
  db = join(dir, 'ads.duckdb');
  const imported = await cli('import', ...writeAdsFiles(dir), '--json');
  expect(JSON.parse(imported.stdout).files.map((f: { status: string }) => f.status)).toEqual(['imported', 'imported', 'imported', 'imported', 'imported']);
  expect((await cli('ads', 'targets', 'set', '--sku', 'MAT-1', '--acos', '25%')).code).toBe(0);
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('negatives → approve with a reason → export the bulk file', async () => {
  const answer = JSON.parse((await cli('ads', 'negatives', '--json')).stdout);
  expect(Object.keys(answer.suggestions[0]).slice(0, 6)).toEqual(['id', 'kind', 'scope', 'evidence', 'change', 'status']);
  // door mat: 30 clicks without an order (29 needed at 10 %), 24.00 wasted
  expect(answer.suggestions.map((s: { kind: string; scope: { search_term: string }; evidence: { wasted_spend: string }; status: string }) => [s.kind, s.scope.search_term, s.evidence.wasted_spend, s.status]))
    .toEqual([['negative_keyword', 'door mat', '24.00', 'pending']]);
  const id = String(answer.suggestions[0].id);
  const approved = JSON.parse((await cli('ads', 'approve', id, '--reason', 'no sale in 30 clicks', '--json')).stdout);
  expect(approved.suggestions[0]).toMatchObject({ status: 'approved', decided_by: 'ads-li', note: 'no sale in 30 clicks' });
  const out = join(dir, 'bulk.xlsx');
  const exported = await cli('ads', 'export', '--out', out);
  // piped, the answer is JSON: the file's summary without its bytes
  expect(JSON.parse(exported.stdout)).toMatchObject({ count: 1, ids: [Number(id)], out });
  expect(existsSync(out)).toBe(true);
  // why a term was left alone, in both languages
  const again = JSON.parse((await cli('ads', 'negatives')).stdout);
  expect(again.left_alone.map((l: { scope: { search_term: string }; reason: { zh: string } }) => [l.scope.search_term, l.reason.zh])).toEqual([['rug', '12 次点击无订单，尚不足以判断：按 10% 的转化率需要 29 次']]);
  expect(again.suggestions[0]).toMatchObject({ id: Number(id), status: 'approved' });
}, 180_000);
