/**
 * `npm run bench -- --case startup`: how long a command takes from the shell to its answer, each beside
 * Node's own start-up (`node -e ''`) and the TypeScript-through-tsx start the CLI had before dist/cli, and
 * its target (issue 16). Each figure is the median of five runs of a child process: wall time measured from outside,
 * CPU time (every thread) reported by the child at exit (bench/cpu-at-exit.js), which a loaded machine does not inflate.
 * The commands that read data run on the demo database (.bench/startup-demo.duckdb), made once with
 * `asterism demo`: that import's time is printed when it happens (the first start's main part).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildCatalog } from '../src/demo/catalog.ts';

const bin = resolve('bin/asterism.js');

interface Command { label: string; args: string[]; target?: number; build?: boolean }

const cpuFile = join(tmpdir(), `asterism-bench-cpu-${process.pid}`);
const cpuAtExit = pathToFileURL(resolve('bench/cpu-at-exit.js')).href;

/** Wall seconds of one run, from spawn to exit, and its CPU seconds (all threads); a run that fails stops the bench. */
function timeOnce(args: string[]): { wall: number; cpu: number } {
  rmSync(cpuFile, { force: true });
  const started = performance.now();
  const run = spawnSync(process.execPath, ['--import', cpuAtExit, ...args], {
    encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ASTERISM_BENCH_CPU_FILE: cpuFile },
  });
  const wall = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} exited ${run.status}: ${run.stderr.slice(0, 500)}`);
  return { wall, cpu: existsSync(cpuFile) ? Number(readFileSync(cpuFile, 'utf8')) : Number.NaN };
}

function median(args: string[], runs = 5): { wall: number; cpu: number } {
  const times = Array.from({ length: runs }, () => timeOnce(args));
  const middle = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(runs / 2)] ?? Number.NaN;
  return { wall: middle(times.map((t) => t.wall)), cpu: middle(times.map((t) => t.cpu)) };
}

/** The demo database the commands read (made once with `asterism demo`; its time printed then). */
export function demoDatabase(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const db = join(dir, 'startup-demo.duckdb');
  if (!existsSync(db)) {
    const data = join(dir, 'startup-demo-data');
    rmSync(data, { recursive: true, force: true });
    const { wall, cpu } = timeOnce([bin, 'demo', '--db', db, '--out', data]);
    console.log(`\nfirst start's import: \`asterism demo\` (write + import the demo's report files) into a new database: ${wall.toFixed(1)} s, CPU ${cpu.toFixed(1)} s, load average ${loadavg()[0]?.toFixed(1)}  (target: npm start serving in < 90 s)`);
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
  console.log(`\nstart-up, median of 5 runs (wall from spawn to exit; CPU of every thread; load average ${loadavg()[0]?.toFixed(1)}):`);
  console.log(`  ${''.padEnd(72)} ${'wall'.padStart(7)} ${'CPU'.padStart(7)}  × node's CPU`);
  for (const command of commands) {
    const { wall, cpu } = command.args[0] === '-e' ? baseline : median(command.args);
    // on a machine other work shares, wall time grows with the load; the CPU time is the command's own cost
    const target = command.target === undefined ? '' : `  target < ${command.target} s: wall ${wall < command.target ? 'met' : 'NOT met'}, CPU ${cpu < command.target ? 'met' : 'NOT met'}`;
    console.log(`  ${command.label.padEnd(72)} ${wall.toFixed(2).padStart(6)}s ${cpu.toFixed(2).padStart(6)}s  ${(cpu / baseline.cpu).toFixed(1).padStart(5)}×${target}`);
  }
}
