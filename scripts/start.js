// `npm start`: the first time, writes the demo dataset and imports it; then serves Asterism.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const cli = ['bin/asterism.js'];
const db = process.env.ASTERISM_DB ?? 'asterism.duckdb';

if (!existsSync('web/dist/index.html')) {
  console.log('Building the dashboard… / 正在构建仪表盘……');
  execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
}
if (!existsSync(db)) {
  console.log('First start: writing the demo dataset (two stores, US, DE and JP, 13 months) and importing it…');
  console.log('首次启动：正在生成并导入演示数据（两个店铺，美国、德国、日本站，13个月）……');
  execFileSync(process.execPath, [...cli, 'demo'], { stdio: 'inherit' });
}
const server = spawn(process.execPath, [...cli, 'serve', ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
