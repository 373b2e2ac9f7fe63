import { say } from '../../domain/messages.ts';
import type { Command } from 'commander';
import { writeFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import type { AsterismApi } from '../../app/asterism-api.ts';
import { AsterismError } from '../../domain/errors.ts';
import type { Lang, ReportData } from '../../report/index.ts';
import { reportFormats, type ReportFormat } from '../../report/report-formats.ts';
import { defined, withApi } from '../with-api.ts';

interface ReportOptions {
  period?: string;
  owner?: string;
  lang?: string;
  format?: string;
  out?: string;
  store?: string;
  marketplace?: string;
  currency?: string;
  json?: boolean;
}

const kinds = ['daily', 'weekly', 'monthly'] as const;

function formatOf(o: ReportOptions): ReportFormat {
  const wanted = o.format ?? (o.out ? extname(o.out).slice(1).toLowerCase().replace('markdown', 'md') : 'html');
  if ((reportFormats as readonly string[]).includes(wanted)) return wanted as ReportFormat;
  throw new AsterismError('bad_request', say('one_of_option', { what: '--format', value: wanted, known: reportFormats.join(', ') }));
}

function langOf(o: ReportOptions): Lang {
  const l = (o.lang ?? 'zh').toLowerCase();
  if (l === 'zh' || l === 'zh-cn') return 'zh';
  if (l === 'en') return 'en';
  throw new AsterismError('bad_request', say('bad_lang', { what: '--lang', value: String(o.lang) }));
}

/** `asterism report daily|weekly|monthly`: the data comes from Asterism (database or server), the file is rendered here. */
export function reportCommand(program: Command, open: () => Promise<AsterismApi>): void {
  program.command('report')
    .description('daily (per owner), weekly and monthly reviews as HTML, PDF, XLSX or Markdown / 运营日报、周报、月报')
    .argument('<kind>', 'daily, weekly or monthly')
    .option('--period <period>', 'daily 2026-10-15; weekly 2026-W42 (ISO) or a day for its Sunday–Saturday week; monthly 2026-10 (default: the latest with data)')
    .option('--owner <name>', 'the owner (运营负责人) from the products file: required for daily')
    .option('--lang <lang>', 'zh or en', 'zh')
    .option('--format <format>', 'html, pdf, xlsx or md (default: from --out, else html)')
    .option('--out <file>', 'where to write (default: asterism-KIND-PERIOD-LANG.FORMAT here)')
    .option('--store <name>', 'one store')
    .option('--marketplace <code>', 'one marketplace: US, UK, DE, JP …')
    .option('--currency <code>', 'also convert money into this currency (dated FX table) for an all-marketplaces block')
    .option('--json', 'print the report data as JSON instead of writing a file')
    .action((kind: string, o: ReportOptions) => withApi(open, async (api) => {
      if (!(kinds as readonly string[]).includes(kind)) throw new AsterismError('bad_request', say('one_of_option', { what: 'report', value: kind, known: { en: 'daily, weekly or monthly', zh: 'daily、weekly 或 monthly' } }));
      const format = formatOf(o);
      const lang = langOf(o);
      const data: ReportData = await api.run('report', defined({
        kind, period: o.period, owner: o.owner, store: o.store, marketplace: o.marketplace, currency: o.currency,
      }));
      if (o.json) return console.log(JSON.stringify(data));
      // the renderers (ECharts, exceljs, Chromium's driver) load only when a report is written: other commands start faster
      const { renderReport, reportFileName } = await import('../../report/render.ts');
      const out = resolve(o.out ?? reportFileName(data, format, lang));
      const bytes = await renderReport(data, format, lang);
      await writeFile(out, bytes);
      console.log(out);
    }));
}
