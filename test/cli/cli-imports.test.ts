import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from './run-cli.ts';

/** `asterism imports list|undo --json` and `asterism import --replace`, as the contract says (issue 14). */
const fixture = (name: string) => resolve('test/fixtures/ingest/replace', name);
const period = ['--marketplace', 'US', '--from', '2018-11-01', '--to', '2018-11-30'];
let dir: string;
let db: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-imports-'));
  db = join(dir, 'imports.duckdb');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('asterism imports', () => {
  test('a guarded file is refused, --replace imports it, list shows it, undo puts the earlier rows back', async () => {
    expect((await runCli(['import', fixture('campaigns-sp-restated.csv'), ...period, '--json', '--db', db])).code).toBe(0);
    const refused = await runCli(['import', fixture('campaigns-sp-other-store.csv'), ...period, '--json', '--db', db]);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout).files[0]).toMatchObject({ status: 'error', replaced: 0 });
    expect(JSON.parse(refused.stdout).files[0].error).toMatch(/campaigns of 2 of them are not in it \(Mats auto, Mats manual\)/);
    const forced = await runCli(['import', fixture('campaigns-sp-other-store.csv'), ...period, '--replace', '--json', '--db', db]);
    expect(JSON.parse(forced.stdout).files[0]).toMatchObject({ status: 'imported', rows: 1, replaced: 2 });

    const list = await runCli(['imports', 'list', '--json', '--db', db]);
    expect(list.code).toBe(0);
    const { imports } = JSON.parse(list.stdout) as { imports: Record<string, unknown>[] };
    // newest first; the refused attempt wrote no log entry
    expect(imports.map((i) => Object.keys(i))).toEqual([0, 1].map(() => ['id', 'file', 'type', 'store', 'marketplace', 'from', 'to', 'rows', 'replaced', 'imported_at', 'undone']));
    expect(imports.map((i) => [i.file, i.rows, i.replaced, i.undone])).toEqual([
      ['campaigns-sp-other-store.csv', 1, 2, false],
      ['campaigns-sp-restated.csv', 2, 0, false],
    ]);
    const id = Number(imports[0]?.id);
    expect(id).toBeGreaterThan(Number(imports[1]?.id));

    const undo = await runCli(['imports', 'undo', String(id), '--json', '--db', db]);
    expect(undo.code).toBe(0);
    expect(JSON.parse(undo.stdout)).toEqual({ undone: id, restored: 2, removed: 1 });
    // SP spend as the restated file said: 26.00 + 1.10
    const spend = await runCli(['query', '--metric', 'ad_spend', '--from', '2018-11-01', '--to', '2018-11-30', '--json', '--db', db]);
    expect(JSON.parse(spend.stdout).rows[0]).toMatchObject({ currency: 'USD', ad_spend: 27.1 });
    const again = await runCli(['imports', 'undo', String(id), '--json', '--db', db]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(new RegExp(`import ${id} was already undone`));
    expect(JSON.parse((await runCli(['imports', 'list', '--json', '--db', db])).stdout).imports[0]).toMatchObject({ id, undone: true });
  });
});
