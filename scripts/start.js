// `npm start`: the first time, writes the demo dataset and imports it; then serves Asterism.
// The dashboard's build and the demo's import run side by side (each mostly on its own core), and the CLI
// is compiled first when its sources changed since `npm install` (esbuild: a second), so the import runs compiled.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const cli = ['bin/asterism.js'];
const db = process.env.ASTERISM_DB ?? 'asterism.duckdb';
const started = Date.now();

/** A child process as a promise: resolves on exit 0, else rejects naming what failed. */
function run(command, args, what) {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { stdio: 'inherit' });
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`${what} failed (exit ${code}) / ${what} 失败`))));
  });
}

execFileSync(process.execPath, ['scripts/build-cli.js'], { stdio: 'inherit' });
const work = [];
if (!existsSync('web/dist/index.html')) {
  console.log('Building the dashboard… / 正在构建仪表盘……');
  work.push(run('npm', ['run', '--silent', 'build:web'], 'npm run build:web'));
}
if (!existsSync(db)) {
  console.log('First start: writing the demo dataset (two stores, US, DE and JP, 13 months) and importing it…');
  console.log('首次启动：正在生成并导入演示数据（两个店铺，美国、德国、日本站，13个月）……');
  work.push(run(process.execPath, [...cli, 'demo'], 'asterism demo'));
}
try {
  await Promise.all(work);
} catch (e) {
  console.error(`asterism: ${e.message}`);
  process.exit(1);
}
if (work.length > 0) console.log(`ready in ${Math.round((Date.now() - started) / 1000)} s / 用时 ${Math.round((Date.now() - started) / 1000)} 秒`);
const server = spawn(process.execPath, [...cli, 'serve', ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
