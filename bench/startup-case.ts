/**
 * `npm run bench -- --case startup`: how long a command takes from the shell to its answer, each beside
 * Node's own start-up (`node -e ''`) and the TypeScript-through-tsx start the CLI had before dist/cli, and
 * its target (issue 16). Each figure is the median of five runs of a child process, measured from outside.
 * The commands that read data run on the demo database (.bench/startup-demo.duckdb), made once with
 * `asterism demo`: that import's time is printed when it happens (the first start's main part).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildCatalog } from '../src/demo/catalog.ts';

const bin = resolve('bin/asterism.js');

interface Command { label: string; args: string[]; target?: number; build?: boolean }

/** Seconds of one run, from spawn to exit; a run that fails stops the bench (a fast failure is no figure). */
function timeOnce(args: string[]): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} exited ${run.status}: ${run.stderr.slice(0, 500)}`);
  return seconds;
}

function median(args: string[], runs = 5): number {
  const times = Array.from({ length: runs }, () => timeOnce(args)).sort((a, b) => a - b);
  return times[Math.floor(runs / 2)] ?? Number.NaN;
}

/** The demo database the commands read (made once with `asterism demo`; its time printed then). */
export function demoDatabase(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const db = join(dir, 'startup-demo.duckdb');
  if (!existsSync(db)) {
    const data = join(dir, 'startup-demo-data');
    rmSync(data, { recursive: true, force: true });
    const seconds = timeOnce([bin, 'demo', '--db', db, '--out', data]);
    console.log(`\nfirst start's import: \`asterism demo\` (write + import the demo's report files) into a new database: ${seconds.toFixed(1)} s  (target: npm start serving in < 90 s)`);
  }
  return db;
}

export async function startupCase(dir: string): Promise<void> {
  // the figures are of the compiled CLI: build it now, so a stale dist/cli is never what is measured
  execFileSync(process.execPath, ['scripts/build-cli.js'], { stdio: 'inherit' });
  const db = demoDatabase(dir);
  const sku = buildCatalog()[0]?.sku ?? 'AH-UNKNOWN';
  const out = join(dir, 'startup-review.html');
  const commands: Command[] = [
    { label: "node -e ''  (baseline: Node's start-up)", args: ['-e', ''] },
    { label: 'asterism --help through tsx  (before: sources compiled at each run)', args: ['--import', 'tsx', resolve('src/cli/main.ts'), '--help'] },
    { label: 'asterism --help', args: [bin, '--help'], target: 0.3 },
    { label: 'asterism query --metric sales --by month  (demo)', args: [bin, 'query', '--db', db, '--metric', 'sales', '--by', 'month', '--json'], target: 0.8 },
    { label: 'asterism report weekly --out review.html  (demo)', args: [bin, 'report', 'weekly', '--db', db, '--out', out], target: 3 },
    { label: `asterism price suggest --sku ${sku}  (demo)`, args: [bin, 'price', 'suggest', '--db', db, '--sku', sku, '--target-margin', '20%', '--json'], target: 1 },
  ];
  const baseline = median(['-e', '']);
  console.log('\nstart-up, median of 5 runs (from spawn to exit):');
  for (const command of commands) {
    const seconds = command.args[0] === '-e' ? baseline : median(command.args);
    const target = command.target === undefined ? '' : `  target < ${command.target} s: ${seconds < command.target ? 'met' : 'NOT met'}`;
    console.log(`  ${command.label.padEnd(72)} ${seconds.toFixed(2).padStart(6)} s  ${(seconds / baseline).toFixed(1).padStart(5)}× node${target}`);
  }
}
