import { afterAll, beforeAll, expect, test } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { LocalAsterism } from '../../src/app/local.ts';
import { createApi } from '../../src/server/app.ts';
import { importReportScenario } from '../scenarios/report-scenario.ts';
import { runCli } from './run-cli.ts';

/** `asterism report` through the binary, and GET /api/report/file, on the report scenario. */
let dir: string;
let db: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-cli-report-'));
  db = join(dir, 'report.duckdb');
  const api = await LocalAsterism.open(db);
  await importReportScenario(api, join(dir, 'files'));
  await api.close();
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('report weekly --out writes the file and prints its path', async () => {
  const out = join(dir, 'w42.md');
  const result = await runCli(['report', 'weekly', '--period', '2026-W42', '--lang', 'en', '--out', out, '--db', db]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  expect(result.stdout.trim()).toBe(out);
  const md = readFileSync(out, 'utf8');
  expect(md).toContain('# Weekly review 2026-W42');
  // 1085.00 against 1190.00 the week before: −8.8%
  expect(md).toContain('| Sales (ordered product sales) | USD 1,085.00 | USD 1,190.00 | -8.8% | — | — |');
}, 60_000);

test('report daily: the format follows --out; the owner is required and the error names the owners', async () => {
  const out = join(dir, 'li.xlsx');
  const ok = await runCli(['report', 'daily', '--period', '2026-10-14', '--owner', 'li', '--out', out, '--db', db]);
  expect(ok.code).toBe(0);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
  expect(book.worksheets[0]?.getCell('A1').value).toBe('运营日报 2026-10-14 · li');
  const missing = await runCli(['report', 'daily', '--db', db]);
  expect(missing.code).toBe(1);
  expect(missing.stderr).toBe('asterism: the daily report is one owner\'s (运营日报): give --owner NAME (known owners: li, wang)\n');
  const badFormat = await runCli(['report', 'weekly', '--format', 'docx', '--db', db]);
  expect(badFormat.stderr).toMatch(/^asterism: --format "docx": expected html, pdf, xlsx, md/);
  expect(existsSync(join(dir, 'asterism-weekly-2026-W42-zh.docx'))).toBe(false);
}, 60_000);

test('GET /api/report/file downloads the rendered report; GET /api/report answers its data', async () => {
  const asterism = await LocalAsterism.open(db);
  try {
    const app = createApi(asterism);
    const res = await app.request('/api/report/file?kind=weekly&period=2026-W42&format=md&lang=zh');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain('attachment; filename="asterism-weekly-2026-W42-zh.md"');
    expect(await res.text()).toContain('## 核心指标');
    const data = await app.request('/api/report?kind=weekly&period=2026-W42');
    expect((await data.json()).headline[0].values.sales).toEqual({ value: 1085, previous: [1190, null] });
    const bad = await app.request('/api/report/file?kind=daily&owner=nobody');
    expect(bad.status).toBe(404);
    expect((await bad.json()).error.message).toMatch(/known owners: li, wang/);
  } finally {
    await asterism.close();
  }
}, 60_000);
