import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { apiOnMetricScenario } from '../../test/scenarios/api-harness.ts';

/** A folder the user allowed with --import-dir, and beside it one they did not, holding a secret. */
const root = mkdtempSync(join(tmpdir(), 'asterism-import-dirs-'));
const allowed = join(root, 'reports');
const outside = join(root, 'private');
const secret = 'root:*:19000:0:99999:7:::';
const harness = apiOnMetricScenario('import-dirs', { importDirs: [allowed] });
const closed = apiOnMetricScenario('import-dirs-off', { importDirs: [] });

beforeAll(() => {
  mkdirSync(allowed);
  mkdirSync(outside);
  writeFileSync(join(outside, 'shadow'), `${secret}\n`);
  mkdirSync(join(outside, 'folder'));
  copyFileSync(resolve('test/fixtures/ingest/br-child-de.csv'), join(allowed, 'BusinessReport.csv'));
  symlinkSync(join(outside, 'shadow'), join(allowed, 'link-to-shadow.csv'));
  symlinkSync(outside, join(allowed, 'private-dir'));
  mkdirSync(join(allowed, 'a-folder'));
  execFileSync('mkfifo', [join(allowed, 'pipe.csv')]);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const importByPath = (api: typeof harness.api, file: string, lang = 'en') => api.request('/api/import', {
  method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': lang },
  body: JSON.stringify({ files: [file], marketplace: 'DE', from: '2026-11-01', to: '2026-11-07' }),
});
const refusal = async (res: Response) => {
  expect(res.status).toBe(403);
  const text = await res.text();
  expect(text).not.toContain('root:*'); // never the file's contents
  return (JSON.parse(text) as { error: { code: string; message: string } }).error;
};

describe('POST /api/import reads only under --import-dir', () => {
  test('a report in the allowed folder imports', async () => {
    const res = await importByPath(harness.api, join(allowed, 'BusinessReport.csv'));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { files: unknown[] }).files).toMatchObject([{ file: join(allowed, 'BusinessReport.csv'), status: 'imported', marketplace: 'DE' }]);
  });

  test('outside the folder, through a symlink out, through `..`, or missing: one refusal, the same words', async () => {
    const asked = [
      join(outside, 'shadow'), // outside
      join(allowed, 'link-to-shadow.csv'), // a link inside pointing out
      join(allowed, 'private-dir', 'shadow'), // a linked folder
      `${allowed}/../private/shadow`, // `..`
      join(outside, 'no-such-file'), // missing outside
      join(outside, 'folder'), // a folder outside
      join(allowed, 'no-such-file.csv'), // missing inside
      'private/shadow', // relative: not under anything
    ];
    const messages = [];
    for (const path of asked) {
      const error = await refusal(await importByPath(harness.api, path));
      expect(error.code).toBe('forbidden');
      messages.push(error.message.replace(path, 'PATH'));
    }
    // no existence oracle: a missing file, a folder and a readable secret are refused alike
    expect(new Set(messages).size).toBe(1);
    expect(messages[0]).toMatch(/^"PATH": not a file this server may read; by path it reads only existing files under the folders given with --import-dir/);
  });

  test('a FIFO and a folder inside are refused without being opened', async () => {
    // opening the FIFO for reading would block until a writer came: the test would time out
    const pipe = await refusal(await importByPath(harness.api, join(allowed, 'pipe.csv')));
    expect(pipe.message).toMatch(/pipe\.csv": not a regular file \(a folder, pipe or device\)/);
    const folder = await refusal(await importByPath(harness.api, join(allowed, 'a-folder'), 'zh-CN'));
    expect(folder.message).toMatch(/a-folder"：不是普通文件/);
    expect((await refusal(await importByPath(harness.api, '/dev/zero'))).message).toMatch(/not a file this server may read/);
  });

  test('without --import-dir every by-path import is refused, saying how to allow it or to upload', async () => {
    const error = await refusal(await importByPath(closed.api, resolve('test/fixtures/ingest/br-child-de.csv')));
    expect(error.message).toMatch(/importing by server path is off: start the server with --import-dir DIR .* or upload the files \(POST \/api\/upload/);
    const zh = await refusal(await importByPath(closed.api, '/etc/shadow', 'zh-CN,zh'));
    expect(zh.message).toMatch(/^未开启按服务器路径导入/);
  });
});
