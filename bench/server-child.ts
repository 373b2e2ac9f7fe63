import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** `asterism serve` in a process of its own (the compiled CLI), as a user starts it: loopback, a free port. */
export interface ServerChild {
  url: string;
  pid: number;
  /** CPU seconds (user + system, every thread) the server process has used so far: from /proc, so 0 elsewhere */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

export async function startServerChild(db: string, extra: string[] = []): Promise<ServerChild> {
  // the compiled CLI is what runs: built now, so a stale dist/cli (or the slower tsx fallback) is never measured
  execFileSync(process.execPath, ['scripts/build-cli.js'], { stdio: 'ignore' });
  const child = spawn(process.execPath, [resolve('bin/asterism.js'), 'serve', '--db', db, '--port', '0', '--host', '127.0.0.1', ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
  const url = await new Promise<string>((done, fail) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const found = /at (http:\/\/\S+?)\s/.exec(out)?.[1];
      if (found) done(found);
    });
    child.once('exit', (code) => fail(new Error(`asterism serve exited ${code}: ${stderr.slice(0, 500)}`)));
  });
  const pid = child.pid ?? 0;
  return {
    url, pid,
    cpuSeconds: () => processCpuSeconds(pid),
    stop: () => new Promise<void>((done) => {
      if (child.exitCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
    }),
  };
}

/** utime + stime of a process, in seconds (Linux: /proc/PID/stat, in clock ticks of 1/100 s). */
export function processCpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** p-th percentile (0–100) of values, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}
