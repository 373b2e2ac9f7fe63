import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import type { AsterismApi } from '../../app/asterism-api.ts';
import type { AdTypeOption, FileResult, ReadingProgress } from '../../ingest/index.ts';
import { currentLanguage } from '../language.ts';
import { conservationLines } from '../conservation-lines.ts';
import { marketplaceCell, splitLines } from '../split-lines.ts';
import { outputMode, renderTable } from '../output.ts';

interface ImportCliOptions {
  store?: string;
  marketplace?: string;
  from?: string;
  to?: string;
  date?: string;
  adType?: string;
  replace?: boolean;
  json?: boolean;
}

export function importCommand(program: Command, open: () => Promise<AsterismApi>): void {
  program
    .command('import')
    .description('import report files, detected from their content / 导入报表（按内容自动识别）')
    .argument('<files...>', 'report files: CSV, TSV, TXT, XLSX, JSON')
    .option('--store <name>', 'store the files belong to; without it, the database\'s one store (with none or several: refused, naming them) / 文件所属店铺（不指定时使用唯一的店铺）')
    .option('--marketplace <code>', 'marketplace, when the file does not say (US, UK, DE, JP …)')
    .option('--from <date>', 'first day covered, for reports without dates (Business Report by child item)')
    .option('--to <date>', 'last day covered')
    .option('--date <date>', 'snapshot day, for inventory reports without a date (default: today)')
    .option('--ad-type <sp|sb|sd>', 'ad product of ads reports whose columns fit more than one; refused when the file says otherwise / 广告类型（列无法区分时）')
    .option('--replace', 'replace earlier rows even when most of their campaigns, ASINs, SKUs or order ids are not in the new file (they are kept: `asterism imports undo` brings them back)')
    .option('--json', 'print JSON')
    .action(async (files: string[], o: ImportCliOptions) => {
      const asterism = await open();
      const mode = outputMode(o);
      const onTerminal = mode === 'table' && process.stderr.isTTY;
      const bar = onTerminal ? new SingleBar({ format: 'importing {bar} {value}/{total} files  {file}', stream: process.stderr }) : undefined;
      bar?.start(files.length, 0, { file: '' });
      const reading = readingLine(onTerminal);
      let result: { files: FileResult[] };
      try {
        result = await asterism.importFiles(files, {
          ...(o.store ? { store: o.store } : {}), ...(o.marketplace ? { marketplace: o.marketplace } : {}),
          ...(o.from ? { from: o.from } : {}), ...(o.to ? { to: o.to } : {}), ...(o.date ? { date: o.date } : {}), ...(o.replace ? { replace: true } : {}),
          // checked (and its case folded) with the other options by checkImportOptions, here or in the server
          ...(o.adType ? { adType: o.adType.toLowerCase() as AdTypeOption } : {}),
        }, (r, index) => bar?.update(index + 1, { file: r.file }), reading);
        await alertsAfterImport(asterism, result.files);
      } finally {
        bar?.stop();
        await asterism.close();
      }
      const lang = currentLanguage();
      const { resultIn } = await import('../../ingest/index.ts');
      result = { files: result.files.map((f) => resultIn(f, lang)) };
      if (mode === 'json') {
        console.log(JSON.stringify(result));
      } else {
        const columns = ['file', 'type', 'store', 'marketplace', 'status', 'rows', 'replaced', 'from', 'to'];
        const rows = result.files.map((f) => ({ ...f, marketplace: marketplaceCell(f) }));
        console.log(renderTable(columns, rows));
        for (const line of splitLines(result.files, currentLanguage())) console.log(line);
        for (const line of conservationLines(result.files, currentLanguage())) console.log(line);
        for (const f of result.files.filter((f) => f.status === 'error')) console.error(`asterism: ${f.file}: ${f.error}`);
      }
      if (result.files.some((f) => f.status === 'error')) process.exitCode = 1;
    });
}

/**
 * New data: the alert rules run once, here, when alert channels exist (issue 19); a running `asterism serve`
 * does it itself after its imports. A failing run is said on stderr and leaves the import as it is.
 */
async function alertsAfterImport(asterism: AsterismApi, files: readonly FileResult[]): Promise<void> {
  if (asterism.via !== 'database' || !files.some((f) => f.status === 'imported')) return;
  try {
    if (!(await asterism.run('alerts_channels_list', {})).channels.length) return;
    await asterism.run('alerts_run', {});
  } catch (e) {
    console.error(`asterism: alerts: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** For a large file: MB read and MB/s, written under the files bar. */
function readingLine(onTerminal: boolean): ((p: ReadingProgress) => void) | undefined {
  if (!onTerminal) return undefined;
  const started = Date.now();
  return (p) => {
    const seconds = (Date.now() - started) / 1000;
    const mb = p.bytesRead / 1e6;
    const rows = p.rows === null ? '' : `, ${p.rowsEstimated ? '~' : ''}${p.rows.toLocaleString('en')} rows`;
    process.stderr.write(`\r  ${p.file}: ${mb.toFixed(0)} of ${(p.bytes / 1e6).toFixed(0)} MB${rows}, ${(mb / Math.max(seconds, 0.001)).toFixed(0)} MB/s   `);
  };
}

export function sourcesCommand(program: Command, open: () => Promise<AsterismApi>): void {
  program
    .command('sources')
    .description('list imported files / 列出已导入的文件')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      const asterism = await open();
      try {
        const sources = await asterism.sources();
        if (outputMode(o) === 'json') console.log(JSON.stringify({ sources }));
        else {
          // a list in one cell: 1 is a daily report, 7 an Amazon week; ads' attribution windows in days
          const shown = sources.map((s) => ({ ...s, row_days: s.row_days.join('–'), attribution_days: s.attribution_days.join('/') }));
          console.log(renderTable(['file', 'type', 'store', 'marketplace', 'from', 'to', 'rows', 'imported_at', 'time_zone', 'row_days', 'attribution_days'], shown));
        }
      } finally {
        await asterism.close();
      }
    });
}
