import { say } from '../../domain/messages.ts';
import { AsterismError } from '../../domain/errors.ts';
import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
// the template module alone, not the importers behind ingest/index.ts (loaded for every command's start)
import type { MasterKind } from '../../ingest/index.ts';
import { masterDataKinds, masterDataTemplate } from '../../ingest/master-data/template.ts';

/** Writes a master-data template (header in Chinese or English and one example row), or prints it. */
function writeTemplate(kind: MasterKind, o: { lang: string; out?: string }): void {
  if (o.lang !== 'zh' && o.lang !== 'en') throw new AsterismError('bad_request', say('bad_lang', { what: '--lang', value: o.lang }));
  const text = masterDataTemplate(kind, o.lang);
  if (o.out) {
    writeFileSync(o.out, text);
    console.log(`${o.out}: ${kind} template (${o.lang}); fill it in and run \`asterism import ${o.out}\``);
  } else {
    process.stdout.write(text.replace(/^\uFEFF/, ''));
  }
}

export function templateCommand(program: Command): void {
  program
    .command('template')
    .description(`write a master-data template: ${masterDataKinds.join(', ')} / 生成主数据模板`)
    .argument('<kind>', masterDataKinds.join(' | '))
    .option('--lang <lang>', 'zh or en', 'zh')
    .option('--out <file>', 'CSV file to write (UTF-8 with BOM, opens in Excel)')
    .action((kind: string, o: { lang: string; out?: string }) => {
      if (!(masterDataKinds as readonly string[]).includes(kind)) throw new AsterismError('bad_request', say('unknown_template', { value: kind, known: masterDataKinds.join(', ') }));
      writeTemplate(kind as MasterKind, o);
    });
  // the CLI contract's spelling for the KPI targets template
  const kpi = program.commands.find((c) => c.name() === 'kpi') ?? program.command('kpi').description('KPI targets / KPI目标');
  const targets = kpi.command('targets').description('KPI targets');
  targets
    .command('template')
    .description('write the KPI targets template / 生成KPI目标模板')
    .option('--lang <lang>', 'zh or en', 'zh')
    .requiredOption('--out <file>', 'CSV file to write')
    .action((o: { lang: string; out: string }) => writeTemplate('targets', o));
}
