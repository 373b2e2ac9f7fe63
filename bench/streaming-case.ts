/**
 * `npm run bench -- --case streaming [--family all-orders] [--mb 1024]`: bounded memory for every file.
 * For each large family a file of about `--mb` MB (1 GB by default) is generated in .bench/ by
 * repeating the data lines of the family's own test fixture, then imported by Asterism and read by
 * DuckDB's read_csv into a table, each in a child process: time, MB/s and peak RSS side by side
 * (target: peak RSS under 1,024 MB). Heavy on a shared machine: one family at a time with --family.
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

interface StreamingFamily {
  fixture: string;
  /** lines before the header (a preamble) */
  skip: number;
  delimiter: string;
  options: Record<string, string>;
  /** a JSON array report: its entries repeated inside one array */
  json?: boolean;
  /** a JSON object report whose rows are this member's list: the list's entries repeated, the rest once */
  jsonList?: string;
}

const families: Record<string, StreamingFamily> = {
  'all-orders': { fixture: 'all-orders/us-2026-03.tsv', skip: 0, delimiter: '\t', options: {} },
  payments: { fixture: 'payments-transactions/date-range-pst-pdt.csv', skip: 7, delimiter: ',', options: {} },
  'business-report': { fixture: 'br-child-us-2019-sku.csv', skip: 0, delimiter: ',', options: { marketplace: 'US', from: '2026-10-01', to: '2026-10-31' } },
  'ads-sd': { fixture: 'ads/sd-advertised-product-daily-de.csv', skip: 0, delimiter: ',', options: {} },
  returns: { fixture: 'fba-returns/us-api.tsv', skip: 0, delimiter: '\t', options: { marketplace: 'US' } },
  inventory: { fixture: 'fba-manage-inventory/manage-inventory-api.txt', skip: 0, delimiter: '\t', options: { marketplace: 'US', date: '2026-10-15' } },
  listings: { fixture: 'listings-report/all-listings-us.txt', skip: 0, delimiter: '\t', options: { marketplace: 'US', date: '2026-10-15' } },
  // an SP console search-term CSV: large ones go through DuckDB's reader (import-large.ts)
  'ads-search-term': { fixture: 'ads/sp-search-term-daily-us.csv', skip: 0, delimiter: ',', options: {} },
  // an Ads API v3 report (a JSON array), streamed entry by entry (json-stream.ts)
  'ads-api-json': { fixture: 'ads/ads-api-sd-advertised-product-daily.json', skip: 0, delimiter: ',', options: {}, json: true },
  // a Brand Analytics Search Query Performance report (SP-API JSON), its dataByAsin list streamed
  'brand-analytics-sqp': { fixture: 'brand-analytics/sqp-us-week.json', skip: 0, delimiter: ',', options: {}, json: true, jsonList: 'dataByAsin' },
};

export async function streamingCase(dir: string, only: string | undefined, mb: number, baseline = true): Promise<void> {
  for (const [name, family] of Object.entries(families)) {
    if (only && only !== name) continue;
    const file = join(dir, `streaming-${name}-${mb}mb.${family.json ? 'json' : family.delimiter === '\t' ? 'tsv' : 'csv'}`);
    if (!existsSync(file)) await (family.json ? generateJson : generate)(family, file, mb * 1024 * 1024);
    const size = statSync(file).size / 1e6;
    const args = JSON.stringify({ skip: family.skip, delimiter: family.delimiter, options: family.options });
    const run = (which: string) => JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', resolve('bench/streaming-import.ts'), which, file, join(dir, `streaming-${which}.duckdb`), args], { encoding: 'utf8', maxBuffer: 1e7 }).trim().split('\n').at(-1) ?? '{}') as { seconds: number; rows: number; maxRssMb: number };
    // DuckDB's read_json reads an object report as one row holding the whole list: no fair baseline
    const base = baseline && !family.jsonList ? run('baseline') : undefined;
    const ours = run('asterism');
    console.log(`\n${name}: a ${size.toFixed(0)} MB file (${ours.rows.toLocaleString('en-US')} rows)`);
    if (base) console.log(`  DuckDB ${family.json ? 'read_json' : 'read_csv '} into a table: ${base.seconds.toFixed(1)} s  ${(size / base.seconds).toFixed(0)} MB/s  peak RSS ${base.maxRssMb} MB`);
    console.log(`  asterism import              : ${ours.seconds.toFixed(1)} s  ${(size / ours.seconds).toFixed(0)} MB/s  peak RSS ${ours.maxRssMb} MB  (target < 1024 MB)`);
  }
}

/** The fixture's preamble and header once, then its data lines over and over up to `bytes`. */
async function generate(family: StreamingFamily, file: string, bytes: number): Promise<void> {
  const lines = readFileSync(resolve('test/fixtures/ingest', family.fixture), 'utf8').split(/\r?\n/);
  const head = lines.slice(0, family.skip + 1).join('\n') + '\n';
  const data = lines.slice(family.skip + 1).filter((l) => l.trim() !== '').join('\n') + '\n';
  const block = data.repeat(Math.max(1, Math.floor((1024 * 1024) / data.length)));
  const out = createWriteStream(file);
  const write = (text: string) => new Promise<void>((done) => (out.write(text) ? done() : out.once('drain', done)));
  await write(head);
  for (let written = head.length; written < bytes; written += block.length) await write(block);
  await new Promise<void>((done) => out.end(done));
}

/** `[`, the fixture's entries over and over up to `bytes`, `]` (for `jsonList`, inside the fixture's other members). */
async function generateJson(family: StreamingFamily, file: string, bytes: number): Promise<void> {
  const doc = JSON.parse(readFileSync(resolve('test/fixtures/ingest', family.fixture), 'utf8')) as unknown;
  const list = family.jsonList;
  const rest = list ? { ...(doc as Record<string, unknown>) } : undefined;
  const items = (list ? rest?.[list] : doc) as unknown[];
  if (list && rest) delete rest[list];
  const [open, close] = list ? [`${JSON.stringify(rest).slice(0, -1)}, ${JSON.stringify(list)}: [\n`, '\n]}\n'] : ['[\n', '\n]\n'];
  const entries = items.map((e) => JSON.stringify(e));
  const data = entries.join(',\n');
  const block = Array.from({ length: Math.max(1, Math.floor((1024 * 1024) / data.length)) }, () => data).join(',\n');
  const out = createWriteStream(file);
  const write = (text: string) => new Promise<void>((done) => (out.write(text) ? done() : out.once('drain', done)));
  await write(open);
  for (let written = open.length; written < bytes; written += block.length + 2) await write(written === open.length ? block : `,\n${block}`);
  await write(close);
  await new Promise<void>((done) => out.end(done));
}
