import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { anyLargeFile } from './import-files.ts';

const dir = mkdtempSync(join(tmpdir(), 'asterism-import-memory-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A file of `mb` MB without writing it (sparse): only its size is read. */
function sized(name: string, mb: number): string {
  const path = join(dir, name);
  writeFileSync(path, '');
  truncateSync(path, mb * 1024 * 1024);
  return path;
}

test('only a batch holding a file over 64 MB (a gzip file counted ×10) caps the database memory that reads share', async () => {
  const small = sized('orders.txt', 9);
  expect(await anyLargeFile([small, join(dir, 'missing.csv')])).toBe(false);
  // 65 MB > 64 MB
  expect(await anyLargeFile([small, sized('big.txt', 65)])).toBe(true);
  // 7 MB gzip × 10 = 70 MB > 64 MB; 6 MB × 10 = 60 MB is not
  expect(await anyLargeFile([sized('a.csv.gz', 7)])).toBe(true);
  expect(await anyLargeFile([sized('b.csv.gz', 6)])).toBe(false);
});
