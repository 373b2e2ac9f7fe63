import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli.ts';

// Issue 15.9 on the terminal: an empty answer says why, in the run's language, under the table.
let dir: string;
let db: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-cli-answers-'));
  db = join(dir, 'empty.duckdb');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('query on a database with nothing imported: no_data, in Chinese and in English', async () => {
  const zh = await runCli(['query', '--metric', 'sales', '--from', '2026-10-01', '--to', '2026-10-31', '--csv', '--lang', 'zh', '--db', db]);
  expect(zh.code, zh.stderr).toBe(0);
  expect(zh.stderr).toContain('warning: 没有数据：还没有导入任何报表');
  const en = await runCli(['query', '--metric', 'sales', '--from', '2026-10-01', '--to', '2026-10-31', '--json', '--lang', 'en', '--db', db]);
  expect(JSON.parse(en.stdout).problems).toEqual([expect.objectContaining({ code: 'no_data', message_en: 'no data: nothing is imported yet' })]);
}, 60_000);
