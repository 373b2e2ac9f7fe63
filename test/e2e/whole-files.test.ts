import ExcelJS from 'exceljs';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeSearchTermCsv } from '../../bench/search-term-csv.ts';
import { parseDelimited } from '../../src/ingest/delimited-text.ts';
import { importFiles, type FileResult } from '../../src/ingest/index.ts';
import { Database } from '../../src/store/database.ts';
import { runCli } from '../cli/run-cli.ts';

/**
 * Issue 14, "whole files or a clear no", end to end: a corrupt XLSX in the middle of a batch of three
 * fails alone, with JSON for all three, from the CLI (bin/asterism.js) and from a real server; the
 * message language from --lang, $ASTERISM_LANG, the locale and Accept-Language; a 20 MiB cell named by
 * its real line on both reading paths.
 */
let dir: string;
let good: string;
let corrupt: string;
let payments: string;
const brChild = readFileSync(resolve('test/fixtures/ingest/br-child-uk-2025-sku.csv'), 'utf8');
const week = ['--from', '2026-10-01', '--to', '2026-10-07'];
// the locale of the machine running the tests must not decide the language
const english = { LANG: 'C', LC_ALL: '', LC_MESSAGES: '', ASTERISM_LANG: '' };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-whole-'));
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Detail Page Sales and Traffic');
  for (const row of parseDelimited(brChild.replace(/^\uFEFF/, ''))) sheet.addRow(row.cells);
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  good = join(dir, 'good.xlsx');
  writeFileSync(good, bytes);
  corrupt = join(dir, 'corrupt.xlsx');
  writeFileSync(corrupt, bytes.subarray(0, Math.floor(bytes.length / 2)));
  payments = join(dir, 'payments.csv');
  writeFileSync(payments, readFileSync(resolve('test/fixtures/ingest/payments-transactions/date-range-pst-pdt.csv')));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const db = (name: string) => ['--db', join(dir, `${name}.duckdb`)];
const parsed = (stdout: string) => (JSON.parse(stdout) as { files: FileResult[] }).files;

describe('the CLI: a corrupt file fails alone, in the language asked for', () => {
  test('a batch of three with a corrupt XLSX in the middle: JSON for all three, exit 1', async () => {
    const r = await runCli([...db('cli'), 'import', good, corrupt, payments, ...week, '--json'], english);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const files = parsed(r.stdout);
    expect(files.map((f) => [f.file, f.status])).toEqual([[good, 'imported'], [corrupt, 'error'], [payments, 'imported']]);
    expect(files[1]?.error).toMatch(/^corrupt\.xlsx is damaged and cannot be opened \(.+\): nothing was imported from it; download it again$/);
    expect(files[1]?.problems[0]).toMatchObject({ file: 'corrupt.xlsx', message_zh: expect.stringMatching(/^corrupt\.xlsx 已损坏/) });
  });

  test.each([
    ['--lang zh before the command', ['--lang', 'zh', 'import'], english],
    ['--lang zh after the command', ['import', '--lang', 'zh'], english],
    ['$ASTERISM_LANG=zh', ['import'], { ...english, ASTERISM_LANG: 'zh' }],
    ['the locale zh_CN.UTF-8', ['import'], { ...english, LANG: 'zh_CN.UTF-8' }],
  ])('%s: the error and the problems in Chinese', async (_, args, env) => {
    const r = await runCli([...db('zh'), ...args, corrupt, '--json'], env);
    const [file] = parsed(r.stdout);
    expect(file?.error).toMatch(/^corrupt\.xlsx 已损坏，无法打开（.+）：未导入任何内容；请重新下载$/);
    expect(file?.problems[0]?.message).toBe(file?.error);
    expect(file?.problems[0]?.message_en).toMatch(/^corrupt\.xlsx is damaged/);
  });

  test('--lang en wins over $ASTERISM_LANG=zh; an unknown language is refused', async () => {
    const en = await runCli([...db('en'), 'import', '--lang', 'en', corrupt, '--json'], { ...english, ASTERISM_LANG: 'zh' });
    expect(parsed(en.stdout)[0]?.error).toMatch(/^corrupt\.xlsx is damaged/);
    const fr = await runCli([...db('en'), 'import', corrupt], { ...english, ASTERISM_LANG: 'fr' });
    expect(fr).toMatchObject({ code: 1, stderr: 'asterism: $ASTERISM_LANG "fr" is not zh or en\n' });
  });

  test('an error that stops the command is one line in the chosen language', async () => {
    const zh = await runCli([...db('err'), 'import', good, '--marketplace', 'XX', '--lang', 'zh'], english);
    expect(zh).toMatchObject({ code: 1, stderr: 'asterism: 未知站点“XX”：请使用 US、CA、UK、DE、JP 等代码\n' });
    const en = await runCli([...db('err'), 'import', good, '--marketplace', 'XX'], english);
    expect(en.stderr).toBe('asterism: unknown marketplace "XX": use a code such as US, CA, UK, DE, JP\n');
  });

  test('a command with its own --lang (report templates) keeps it', async () => {
    const out = join(dir, 'targets.csv');
    const r = await runCli(['kpi', 'targets', 'template', '--lang', 'en', '--out', out], english);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^\uFEFF?kpi,period,target/);
  });
});

describe('the API: a corrupt upload fails alone; Accept-Language picks the language', () => {
  let server: ChildProcess | undefined;
  let url = '';
  beforeAll(async () => {
    url = await new Promise<string>((done, fail) => {
      server = spawn(process.execPath, [resolve('bin/asterism.js'), 'serve', '--port', '0', '--db', join(dir, 'api.duckdb')], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...english } });
      let out = '';
      server.stdout?.on('data', (d: Buffer) => {
        out += d.toString();
        const found = /at (http:\/\/\S+)/.exec(out)?.[1];
        if (found) done(found);
      });
      server.stderr?.on('data', (d: Buffer) => (out += d.toString()));
      server.on('exit', (code) => fail(new Error(`serve exited ${code}: ${out}`)));
    });
  });
  afterAll(() => {
    server?.kill('SIGTERM');
  });

  const upload = (language: string) => {
    const form = new FormData();
    for (const path of [good, corrupt, payments]) form.append('files', new File([readFileSync(path)], path.split('/').at(-1) ?? ''));
    form.append('from', '2026-10-01');
    form.append('to', '2026-10-07');
    return fetch(`${url}/api/upload`, { method: 'POST', body: form, headers: { 'accept-language': language, 'x-asterism-request': '1' } });
  };

  test('three uploaded files, the middle one corrupt: 200 with a result for each, in English by default', async () => {
    const res = await upload('en-GB,en;q=0.9');
    expect(res.status).toBe(200);
    const { files } = (await res.json()) as { files: FileResult[] };
    expect(files.map((f) => [f.file, f.status])).toEqual([['good.xlsx', 'imported'], ['corrupt.xlsx', 'error'], ['payments.csv', 'imported']]);
    expect(files[1]?.error).toMatch(/^corrupt\.xlsx is damaged and cannot be opened/);
  });

  test('Accept-Language: zh-CN answers the problems in Chinese, both texts beside', async () => {
    const { files } = (await (await upload('zh-CN,zh;q=0.9,en;q=0.8')).json()) as { files: FileResult[] };
    expect(files[1]?.error).toMatch(/^corrupt\.xlsx 已损坏，无法打开/);
    expect(files[1]?.problems[0]).toMatchObject({ message: files[1]?.error, message_en: expect.stringMatching(/^corrupt\.xlsx is damaged/) });
  });

  test('an error answer in the language asked for', async () => {
    const ask = (language: string) => fetch(`${url}/api/query?metric=sales&from=yesterday`, { headers: { 'accept-language': language } });
    const zh = (await (await ask('zh')).json()) as { error: { code: string; message: string } };
    expect(zh.error).toMatchObject({ code: 'bad_date', message: '--from“yesterday”不是日期：应为 YYYY-MM-DD，例如 2026-09-30' });
    const en = (await (await ask('fr-FR, en;q=0.5')).json()) as { error: { message: string } };
    expect(en.error.message).toBe('--from "yesterday" is not a date: expected YYYY-MM-DD, e.g. 2026-09-30');
  });
});

describe('a 20 MiB cell is named by its real line', () => {
  test('a 20 MiB SKU (rows path) is refused with its line and column, the value cut to 60 characters', async () => {
    const path = join(dir, 'huge-sku.csv');
    const rows = brChild.split('\n');
    // line 4 is the third data row; its SKU is the fourth column: "HON-002" becomes 20 MiB of S
    rows[3] = rows[3]!.replace(',HON-002,', `,${'S'.repeat(20 * 1024 * 1024)},`);
    writeFileSync(path, rows.join('\n'));
    const target = await Database.open(join(dir, 'huge.duckdb'));
    try {
      const [r] = (await importFiles(target, [path], { from: '2026-10-01', to: '2026-10-07' })).files;
      expect(r?.problems[0]).toMatchObject({ code: 'value_too_long', line: 4, column: 'SKU', file: 'huge-sku.csv' });
      // 20 × 1024 × 1024 = 20,971,520 characters; the message shows the first 60 and an ellipsis
      expect(r?.error).toBe(`line 4, column "SKU": the value is 20971520 characters long ("${'S'.repeat(60)}…"); a seller SKU has at most 200`);
      expect(r?.error_zh).toBe(`第 4 行，列“SKU”：值长达 20971520 个字符（“${'S'.repeat(60)}…”）；卖家 SKU最多 200 个字符`);
    } finally {
      target.close();
    }
  });

  test('a 20 MiB search term on line 4 of a large search-term report (DuckDB path): line 4, not line 1', async () => {
    const path = join(dir, 'st.csv');
    await writeSearchTermCsv(path, 300);
    const lines = readFileSync(path, 'utf8').split('\r\n');
    const cells = lines[3]!.split(',');
    cells[7] = 'x'.repeat(20 * 1024 * 1024);
    lines[3] = cells.join(',');
    writeFileSync(path, lines.join('\r\n'));
    const r = await runCli([...db('bulk'), 'import', path, '--json'], english);
    const [file] = parsed(r.stdout);
    expect(file?.problems[0]).toMatchObject({ code: 'line_too_long', line: 4, file: 'st.csv' });
    // the line's first 60 characters, then an ellipsis: never the 20 MiB
    expect(file?.error).toMatch(/^line 4 is \d+ bytes long \(""Jan 3, 2025",Not grouped,.{34}…"\): no report line is that long; the file looks damaged$/);
    expect(file?.error).not.toMatch(/CSV Error on Line: 1/);
  });
});
