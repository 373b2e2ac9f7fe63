/**
 * The layer rule, enforced as documented: docs/architecture.md holds the table of what each folder may
 * import (between the `layers:begin` and `layers:end` markers); this reads it and checks every import of
 * src/ and web/src/. Two more rules from the same section: no SQL in src/app, and web/ reaches the
 * server through `import type` only (a runtime import would bundle Node code into the browser).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const src = join(root, 'src');
const web = join(root, 'web', 'src');
const doc = join(root, 'docs', 'architecture.md');

interface Row { allowed: readonly string[]; typesOnly: readonly string[] }

/** The table's rows: `| folder | a, b (types only), … | why |`; `—` for none. */
function layerTable(): Map<string, Row> {
  const text = readFileSync(doc, 'utf8');
  const begin = text.indexOf('<!-- layers:begin');
  const end = text.indexOf('<!-- layers:end');
  if (begin < 0 || end < begin) throw new Error(`${relative(root, doc)}: no layers:begin … layers:end table`);
  const table = new Map<string, Row>();
  for (const line of text.slice(begin, end).split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const [folder, may] = [cells[1], cells[2]];
    if (!folder || may === undefined || folder === 'folder' || /^-+$/.test(folder)) continue;
    const entries = may === '—' ? [] : may.split(',').map((e) => e.trim());
    table.set(folder, {
      allowed: entries.map((e) => e.replace(/\s*\(types only\)$/, '')),
      typesOnly: entries.filter((e) => e.endsWith('(types only)')).map((e) => e.replace(/\s*\(types only\)$/, '')),
    });
  }
  return table;
}

const table = layerTable();
// group 1: `type` after import/export; group 2: the specifier; group 3: a dynamic import's specifier
const importPattern = /(?:^|\n)\s*(?:import|export)\s+(type\s)?[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
// a statement sent to the database from a use case: the SQL belongs in store or metrics
// a use case may run store functions in one transaction (`db.transaction`); the statements themselves live in store or metrics
const sqlCall = /\bdb\.(all|run|appender|columnValues)\(/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** `src/<folder>` or `web` for a path, undefined outside both */
const layerOf = (path: string): string | undefined => {
  if (!relative(web, path).startsWith('..')) return 'web';
  const rel = relative(src, path);
  return rel.startsWith('..') ? undefined : rel.split(sep)[0];
};

const violations: string[] = [];
const checked = [...files(src), ...files(web)];
for (const file of checked) {
  const from = layerOf(file);
  const row = from ? table.get(from) : undefined;
  const name = relative(root, file);
  if (!from || !row) {
    violations.push(`${name}: folder ${from} has no row in the layer table (docs/architecture.md)`);
    continue;
  }
  const text = readFileSync(file, 'utf8');
  const isTest = /\.test\.tsx?$/.test(file);
  if (from === 'app' && !isTest && sqlCall.test(text)) violations.push(`${name} sends SQL to the database: app writes no SQL (put it in store or metrics)`);
  for (const m of text.matchAll(importPattern)) {
    const spec = m[2] ?? m[3];
    if (!spec?.startsWith('.')) continue;
    const target = resolve(dirname(file), spec);
    const to = layerOf(target);
    if (!to) {
      // tests may use shared scenarios and fixtures under test/; the product code may not
      if (!isTest) violations.push(`${name} imports ${spec}, outside src/${from === 'web' ? ' and web/src/' : ''}`);
    } else if (to !== from && !row.allowed.includes(to)) {
      violations.push(`${name} (${from}) imports ${spec} (${to}): ${from} may import only ${row.allowed.join(', ') || 'nothing else'}`);
    } else if (row.typesOnly.includes(to) && !m[1]) {
      violations.push(`${name} (${from}) imports ${spec} (${to}) at run time: ${from} may import only types from ${to} (import type)`);
    }
  }
}

if (violations.length) {
  console.error(`layer rule broken:\n${violations.join('\n')}`);
  process.exit(1);
}
console.log(`layers: ${checked.length} files follow the layer rule (docs/architecture.md)`);
