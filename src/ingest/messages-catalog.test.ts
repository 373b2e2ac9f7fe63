import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from 'vitest';

/**
 * Every message the importer shows a seller comes from the catalog (src/domain/messages.ts) in English and Chinese.
 * This fails when new code under src/ingest writes an English-only text where a seller reads it: a thrown Error with
 * a written text, a Problem's `message: '…'`, a family `refusal(…, '…')` or an AsterismError given a string.
 */
const userFacing: readonly RegExp[] = [
  /throw new Error\(['`]/,
  /\bmessage: ['`]/,
  /\brefusal\(context, '[a-z_]+', ['`]/,
  /\brefusal\(context, '[a-z_]+',$/,
  /new AsterismError\('[a-z_]+', ['`]/,
  /new SourceError\('[a-z_]+', ['`]/,
];

/** Programming errors no file can cause (a table or alias declared wrongly in the code itself). */
const internal: readonly string[] = [
  'table-writer.ts: throw new Error(`${table} has no column ${key}`)',
  'table-writer.ts: throw new Error(`no table ${table}`)',
  'header.ts: throw new Error(`header "${spelling}" is an alias of both ${other} and ${field}`)',
];

const root = join(import.meta.dirname);
const sources = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
  const path = join(dir, e.name);
  if (e.isDirectory()) return sources(path);
  return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && e.name !== 'testing.ts' ? [path] : [];
});

test('no English-only message reaches a seller from src/ingest', () => {
  const found = sources(root).flatMap((path) => readFileSync(path, 'utf8').split('\n').flatMap((line) => {
    if (!userFacing.some((p) => p.test(line))) return [];
    const where = relative(root, path);
    const allowed = internal.some((entry) => {
      const [file, code] = entry.split(': ');
      return where === file && line.includes(code ?? '');
    });
    return allowed ? [] : [`${where}: ${line.trim()}`];
  }));
  expect(found).toEqual([]);
});

test('the check can fail: it finds such a line', () => {
  expect(userFacing.some((p) => p.test("    throw new Error('the file is bad');"))).toBe(true);
  expect(userFacing.some((p) => p.test("return refusal(context, 'missing_field', 'no list');"))).toBe(true);
  expect(userFacing.some((p) => p.test("return refusal(context, 'missing_field', say('missing_list', { path }));"))).toBe(false);
});
