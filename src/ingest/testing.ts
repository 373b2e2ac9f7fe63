/**
 * Test support for family folders (imported by *.test.ts only): a throwaway DuckDB file, the
 * shared real-file fixtures, and the contract every family passes (SPEC/STYLE: detects its own
 * files, refuses others, reports row problems with line and column, re-import is `unchanged`).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { Database } from '../store/database.ts';
import type { ImportOptions, ReportFamily } from './family.ts';
import { importFiles } from './import-files.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The project's own small fixtures (test/fixtures/ingest/). */
export const ownFixture = (name: string): string => join(repoRoot, 'test/fixtures/ingest', name);

/** Real sample files live beside the repository (../shared); tests using them skip when it is absent. */
export const sharedFixturesDir = resolve(repoRoot, '../shared/fixtures/data');
export const haveSharedFixtures = existsSync(sharedFixturesDir);
export const sharedFixture = (folder: string, name: string): string => join(sharedFixturesDir, folder, name);

export async function withTempDb<T>(work: (db: Database, dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'asterism-ingest-'));
  const db = await Database.open(join(dir, 'test.duckdb'));
  try {
    return await work(db, dir);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface ContractFiles {
  /** a file of this family that imports cleanly with `options` */
  good: string;
  options?: ImportOptions;
  /** a file of this family with a bad value, and where it is */
  badValue?: { file: string; line?: number; column: string; options?: ImportOptions };
  /** a file of another report */
  other: string;
}

export function familyContract(family: ReportFamily, files: ContractFiles): void {
  describe(`${family.type} contract`, () => {
    test('imports its own file, then reports it unchanged', () =>
      withTempDb(async (db) => {
        const [first] = (await importFiles(db, [files.good], files.options)).files;
        expect(first, first?.error ?? '').toMatchObject({ status: 'imported', type: family.type, error: null });
        const [again] = (await importFiles(db, [files.good], files.options)).files;
        expect(again).toMatchObject({ status: 'unchanged', type: family.type, rows: first?.rows });
        const logged = await db.all('SELECT count(*) AS n FROM import_log');
        expect(logged[0]?.n).toBe('1');
      }));

    test('does not claim a file of another report', () =>
      withTempDb(async (db) => {
        const [result] = (await importFiles(db, [files.other], files.options)).files;
        expect(result?.type).not.toBe(family.type);
      }));

    if (files.badValue) {
      const bad = files.badValue;
      test('a bad value refuses the file with line and column, writing nothing', () =>
        withTempDb(async (db) => {
          const [result] = (await importFiles(db, [bad.file], bad.options ?? files.options)).files;
          expect(result).toMatchObject({ status: 'error', type: family.type });
          expect(result?.problems[0]).toMatchObject({ code: 'bad_value', column: bad.column, ...(bad.line ? { line: bad.line } : {}) });
          for (const { table } of family.writes) {
            const rows = await db.all(`SELECT count(*) AS n FROM ${table}`);
            expect(rows[0]?.n).toBe('0');
          }
          expect((await db.all('SELECT count(*) AS n FROM import_log'))[0]?.n).toBe('0');
        }));
    }
  });
}
