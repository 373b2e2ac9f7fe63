import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** A child that writes 2 MB (far past a pipe's 64 KB buffer), quieted or not, to a reader that stops at the first chunk. */
function writeToClosingReader(quiet: boolean): Promise<{ code: number | null; stderr: string; finished: boolean }> {
  const module = resolve(import.meta.dirname, 'closed-pipe.ts');
  const script = `
    ${quiet ? `const { quietWhenPipeCloses } = await import(${JSON.stringify(module)}); quietWhenPipeCloses(process.stdout, process.stderr);` : ''}
    const line = 'x'.repeat(1023) + '\\n';
    for (let i = 0; i < 2048; i++) console.log(line);
    await new Promise((r) => setTimeout(r, 50));
    console.error('finished');`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.once('data', () => child.stdout.destroy());
  return new Promise((done) => child.on('close', (code) => done({ code, stderr, finished: stderr.includes('finished') })));
}

describe('output piped into a reader that closes early (asterism … | head)', () => {
  it('ends quietly: no stack trace, exit code 0, the command runs to its end', async () => {
    const { code, stderr, finished } = await writeToClosingReader(true);
    expect(stderr.trim()).toBe('finished');
    expect(finished).toBe(true);
    expect(code).toBe(0);
  });

  it('without it, Node prints the EPIPE error (what the handler is for)', async () => {
    const { code, stderr } = await writeToClosingReader(false);
    expect(stderr).toContain('EPIPE');
    expect(code).not.toBe(0);
  });
});
