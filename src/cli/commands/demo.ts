import { say } from '../../domain/messages.ts';
import { AsterismError } from '../../domain/errors.ts';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { resolve } from 'node:path';
import type { AsterismApi } from '../../app/asterism-api.ts';
import { outputMode } from '../output.ts';

export function demoCommand(program: Command, open: () => Promise<AsterismApi>): void {
  program
    .command('demo')
    .description('write a realistic demo dataset in the real report formats and import it / 生成并导入演示数据')
    .option('--seed <n>', 'random seed (the same seed writes the same files)', '1')
    .option('--out <dir>', 'folder for the report files', 'demo-data')
    .option('--json', 'print JSON')
    .action(async (o: { seed: string; out: string; json?: boolean }) => {
      const seed = Number(o.seed);
      if (!Number.isInteger(seed)) throw new AsterismError('bad_request', say('not_a_whole_number_option', { what: '--seed', value: String(o.seed) }));
      const asterism = await open();
      const { runDemo } = await import('../../app/demo.ts');
      // a thousand files' results are JSON only when asked for; otherwise one summary line, even when piped (npm start)
      const mode = o.json ? 'json' : outputMode({});
      const bar = mode === 'table' && process.stderr.isTTY ? new SingleBar({ format: 'demo {bar} {value}/{total} files', stream: process.stderr }) : undefined;
      try {
        const result = await runDemo(asterism, { seed, outDir: resolve(o.out) }, (_r, index, total) => {
          if (index === 0) bar?.start(total, 0);
          bar?.update(index + 1);
        });
        bar?.stop();
        const failed = result.files.filter((f) => f.status === 'error');
        if (o.json) console.log(JSON.stringify(result));
        else console.log(`demo data: ${result.files.length} report files written to ${result.out} and imported (${failed.length} failed)`);
        for (const f of failed) console.error(`asterism: ${f.file}: ${f.error}`);
        if (failed.length) process.exitCode = 1;
      } finally {
        bar?.stop();
        await asterism.close();
      }
    });
}
