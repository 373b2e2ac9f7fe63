#!/usr/bin/env node
// Runs the compiled CLI (dist/cli, built by `npm install` through the `prepare` script, or `npm run build:cli`).
// In a checkout whose sources changed since that build (or without one), it runs the TypeScript sources
// through tsx instead, so what runs is always what is checked out (slower to start: saying so on a terminal).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { URL } from 'node:url';

const root = new URL('../', import.meta.url);
const compiled = new URL('dist/cli/main.js', root);

/** The build's record of every source it bundled, each still at the mtime it was built from. */
function compiledIsCurrent() {
  try {
    const sources = JSON.parse(readFileSync(new URL('dist/cli/sources.json', root), 'utf8'));
    return Object.entries(sources).every(([file, mtime]) => statSync(new URL(file, root)).mtimeMs === mtime);
  } catch {
    return false;
  }
}

// a published package has no src/: its dist/ is what it ships
if (!existsSync(new URL('src/cli/main.ts', root)) || compiledIsCurrent()) {
  await import(compiled.href);
} else {
  if (process.stderr.isTTY) {
    process.stderr.write('asterism: dist/cli is missing or older than src/: running the TypeScript sources (slower start); `npm run build:cli` compiles them\n' +
      'asterism: dist/cli 缺失或早于 src/：改为直接运行 TypeScript 源码（启动较慢）；运行 `npm run build:cli` 重新编译\n');
  }
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('src/cli/main.ts', root).href);
}
