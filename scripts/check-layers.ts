/**
 * The layer rule, enforced: imports point down the layers only (docs/architecture.md).
 * Each folder of src/ may import from itself and from the folders listed for it, nothing else.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const allowed: Record<string, readonly string[]> = {
  domain: [],
  store: ['domain'],
  ingest: ['domain', 'store'],
  demo: ['domain'],
  metrics: ['domain', 'store'],
  analysis: ['domain', 'metrics'],
  report: ['domain', 'metrics', 'analysis'],
  app: ['domain', 'store', 'ingest', 'demo', 'metrics', 'analysis', 'report'],
  server: ['domain', 'store', 'ingest', 'metrics', 'analysis', 'report', 'app'],
  cli: ['domain', 'store', 'ingest', 'demo', 'metrics', 'analysis', 'report', 'app', 'server'],
};

const root = resolve(import.meta.dirname, '..');
const src = join(root, 'src');
const importPattern = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const layerOf = (path: string): string | undefined => {
  const rel = relative(src, path);
  return rel.startsWith('..') ? undefined : rel.split(sep)[0];
};

const violations: string[] = [];
for (const file of files(src)) {
  const from = layerOf(file);
  if (!from) continue;
  if (!(from in allowed)) {
    violations.push(`${relative(root, file)}: folder src/${from} has no place in the layer table (scripts/check-layers.ts)`);
    continue;
  }
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(importPattern)) {
    const spec = m[1] ?? m[2];
    if (!spec?.startsWith('.')) continue;
    const target = resolve(dirname(file), spec);
    const to = layerOf(target);
    if (!to) {
      // tests may use shared scenarios and fixtures under test/; the product code may not
      if (!file.endsWith('.test.ts')) violations.push(`${relative(root, file)} imports ${spec}, outside src/`);
    } else if (to !== from && !allowed[from]?.includes(to)) {
      violations.push(`${relative(root, file)} (${from}) imports ${spec} (${to}): ${from} may import only ${allowed[from]?.join(', ') || 'nothing else'}`);
    }
  }
}

if (violations.length) {
  console.error(`layer rule broken:\n${violations.join('\n')}`);
  process.exit(1);
}
console.log(`layers: ${files(src).length} files follow the layer rule`);
