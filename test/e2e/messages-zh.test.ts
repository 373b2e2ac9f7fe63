import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { FileResult } from '../../src/ingest/index.ts';
import { runCli } from '../cli/run-cli.ts';
import { apiOnMetricScenario } from '../scenarios/api-harness.ts';

/**
 * Issue 14, "every message names file, line, column and value, in zh-CN and en": refusals that were English only
 * (usage errors, the ad-type option, a family's refusal, a payments time no shape reads, the server's own) come out
 * in Chinese with `--lang zh` from the CLI and with `Accept-Language: zh-CN` from the API.
 */
const dir = mkdtempSync(join(tmpdir(), 'asterism-zh-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const english = { LANG: 'C', LC_ALL: '', LC_MESSAGES: '', ASTERISM_LANG: '' };
const db = ['--db', join(dir, 'cli.duckdb')];

// a Dutch payments file whose time no public source shows (ISO with UTC): refused at line 3, naming column and value
const payments = join(dir, 'transactions.csv');
writeFileSync(payments, '"Alle bedragen in EUR"\n"datum/tijd","type","bestelnummer","sku","aantal","marketplace","verkoop van producten","verkoopkosten","totaal"\n' +
  '"2024-06-02 10:00:00 UTC","Bestelling","407-0000001-0000001","MAT","1","amazon.nl","24,95","-3,74","21,21"\n');
// a Business Report by Date: recognised, refused as a whole with a reason
const byDate = join(dir, 'BusinessReportByDate.csv');
writeFileSync(byDate, 'Date,Ordered Product Sales,Units Ordered,Total Order Items,Sessions - Total\n10/1/2026,$100.00,4,4,50\n');

describe('the CLI with --lang zh', () => {
  test.each([
    ['an unknown option', ['--lang', 'zh', 'import', '--nope', payments], 'asterism: 未知选项 --nope\n'],
    ['an unknown command, with its suggestion', ['--lang', 'zh', 'imprt'], 'asterism: 未知命令 imprt（是否想输入 import？）\n'],
    ['a missing argument', ['import', '--lang', 'zh'], 'asterism: 缺少必需的参数 files\n'],
    ['a bad --ad-type', [...db, '--lang', 'zh', 'import', payments, '--ad-type', 'video'], 'asterism: --ad-type“video”无效：请用 sp（商品推广）、sb（品牌推广）或 sd（展示型推广）\n'],
    ['a bad --seed', [...db, '--lang', 'zh', 'demo', '--seed', 'abc'], 'asterism: --seed“abc”不是整数\n'],
  ])('%s', async (_, args, stderr) => {
    expect(await runCli(args, english)).toMatchObject({ code: expect.not.stringMatching(/^0$/) as unknown as number, stderr });
  });

  test('the same usage error in English without it', async () => {
    expect((await runCli(['import', '--nope', payments], english)).stderr).toBe("asterism: unknown option '--nope'\n");
  });

  test('a payments time no shape reads: file, line, column and value in Chinese, and how to report it', async () => {
    const r = await runCli([...db, '--lang', 'zh', 'import', payments, '--json'], english);
    const [file] = (JSON.parse(r.stdout) as { files: FileResult[] }).files;
    expect(file).toMatchObject({ status: 'error', type: 'payments_date_range' });
    expect(file?.problems[0]).toMatchObject({ file: 'transactions.csv', line: 3, column: 'datum/tijd' });
    expect(file?.error).toMatch(/^第 3 行，列“datum\/tijd”：“2024-06-02 10:00:00 UTC”不是可识别的时间（例如 .*"5 mei 2026 20:16:37 UTC".*）；如果卖家后台就是这样写的，请连同这一行反馈给我们$/);
    expect(file?.problems[0]?.message_en).toMatch(/^line 3, column "datum\/tijd": "2024-06-02 10:00:00 UTC" is not a time such as .*please report it with this line$/);
  });

  test('a price suggestion refused (a SKU without cost) follows --lang, one language at a time', async () => {
    const ask = (lang: string) => runCli([...db, '--lang', lang, 'price', 'suggest', '--sku', 'NOPE', '--marketplace', 'US'], english);
    const zh = await ask('zh');
    expect(zh.code).not.toBe(0);
    expect(zh.stderr).toMatch(/^asterism: SKU NOPE 在店铺 default、站点 US 没有 \d{4}-\d{2}-\d{2} 有效的成本：请先导入成本表（asterism template costs）\n$/);
    expect((await ask('en')).stderr).toMatch(/^asterism: SKU NOPE has no cost in store default for US on \d{4}-\d{2}-\d{2}: import a costs file \(asterism template costs\)\n$/);
  });

  test("a family's refusal (a Business Report by Date) in Chinese", async () => {
    const r = await runCli([...db, '--lang', 'zh', 'import', byDate, '--json'], english);
    const [file] = (JSON.parse(r.stdout) as { files: FileResult[] }).files;
    expect(file?.error).toMatch(/^按日期的业务报告只有账户合计、没有 ASIN，联星不导入/);
    expect(file?.problems[0]?.message_en).toMatch(/^a Business Report by Date holds account totals without ASINs/);
  });
});

describe('the API with Accept-Language: zh-CN', () => {
  const harness = apiOnMetricScenario('messages-zh');

  test('a body that is not JSON', async () => {
    const ask = (language: string) => harness.api.request('/api/events', { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': language }, body: '{oops' });
    expect(((await (await ask('zh-CN,zh;q=0.9')).json()) as { error: { message: string } }).error.message).toBe('请求内容不是 JSON');
    expect(((await (await ask('en')).json()) as { error: { message: string } }).error.message).toBe('the request body is not JSON');
  });

  test('a server refusal (a state change without X-Asterism-Request) from the catalog', async () => {
    const res = await harness.api.request('/api/events', { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': 'zh-CN', 'x-asterism-request': '' }, body: '{}' });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/^已拒绝：修改数据的请求必须带请求头"X-Asterism-Request: 1"/);
  });

  test('an uploaded file refused by its family, and the payments time, in Chinese', async () => {
    const form = new FormData();
    form.append('files', new File([new TextEncoder().encode('Date,Ordered Product Sales,Units Ordered,Total Order Items,Sessions - Total\n10/1/2026,$100.00,4,4,50\n')], 'BusinessReportByDate.csv'));
    form.append('files', new File([new TextEncoder().encode('"datum/tijd","type","bestelnummer","sku","aantal","marketplace","verkoop van producten","verkoopkosten","totaal"\n"2024-06-02 10:00:00 UTC","Bestelling","407-0000001-0000001","MAT","1","amazon.nl","24,95","-3,74","21,21"\n')], 'transactions.csv'));
    const res = await harness.api.request('/api/upload', { method: 'POST', body: form, headers: { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' } });
    expect(res.status).toBe(200);
    const { files } = (await res.json()) as { files: FileResult[] };
    expect(files[0]?.error).toMatch(/^按日期的业务报告只有账户合计、没有 ASIN/);
    expect(files[1]?.error).toMatch(/^第 2 行，列“datum\/tijd”：“2024-06-02 10:00:00 UTC”不是可识别的时间/);
  });
});
