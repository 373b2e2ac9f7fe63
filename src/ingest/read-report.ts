import type { Problem } from '../domain/errors.ts';
import type { FamilyContext, FamilyOutput, ReportFamily, TableFamily } from './family.ts';
import { readHeader, type HeaderColumn } from './header.ts';
import { detectJsonFamily, detectTableFamily, knownReportNames } from './registry.ts';
import { delimitedRowGroups, type DelimitedEnd } from './report-rows.ts';
import { FieldReader } from './row-fields.ts';
import { decodeText, wholeBytes, type SourceInfo, type TextEncodingName } from './source-file.ts';
import { cellText, headerSearchDepth, type SourceRow } from './table.ts';
import { workbookDamage } from './xlsx-complete.ts';
import { sheetRowGroups } from './xlsx-sheet.ts';

/** Rows handed to a family's `read` at a time: a few tens of MB of canonical rows, whatever the file's size. */
export const readLimits = { batchRows: 20_000 };

/**
 * A file recognised (or refused) from its first rows: a refusal names why; otherwise the family and
 * its output in batches, read as they are consumed (a family's `read` per `readLimits.batchRows` rows).
 */
export type OpenedReport =
  | { family: ReportFamily | null; refused: FamilyOutput }
  | { family: ReportFamily; batches: AsyncIterable<FamilyOutput> };

export interface ReadingOptions {
  /** 'auto' decides from the bytes; a named encoding after an EncodingRestart */
  encoding: TextEncodingName | 'auto';
  onBytes?: (bytesRead: number, bytes: number) => void;
}

/** Recognise a file's report family and turn its content into canonical rows (no database). */
export async function openReport(source: SourceInfo, context: FamilyContext, reading: ReadingOptions): Promise<OpenedReport> {
  if (source.kind === 'json') return readJson(source, context);
  const end: DelimitedEnd = { endsWithLineEnd: true, records: 0 };
  let groups: AsyncIterator<SourceRow[]>;
  if (source.kind === 'xlsx') {
    // an xlsx inside gzip is held whole (rare); a plain one is read from disk as it streams
    const input = source.gzip ? await wholeBytes(source.path, 'a compressed workbook') : source.path;
    const damage = await workbookDamage(input);
    if (damage) return refused(null, problem(context, 'truncated', `the workbook is damaged or incomplete: ${damage}; download it again`));
    groups = sheetRowGroups(input)[Symbol.asyncIterator]();
  } else {
    groups = delimitedRowGroups(source.path, reading.encoding, end, reading.onBytes)[Symbol.asyncIterator]();
  }
  const rows: SourceRow[] = [];
  let ended = false;
  while (!ended && rows.length < headerSearchDepth) ended = !(await pull(groups, rows));
  const found = findHeader(rows);
  if (!found) {
    await groups.return?.();
    const first = rows[0] ? rows[0].cells.map(cellText).join(', ').slice(0, 200) : '(empty file)';
    return refused(null, problem(context, 'unknown_report', `not a report Asterism knows: no header line among the first ${headerSearchDepth} lines matches one (line ${rows[0]?.line ?? 1} reads "${first}"); known reports: ${knownReportNames()}`));
  }
  const { family, header, index } = found;
  const columns = family.aliases.resolve(header);
  const missing = family.required.filter((f) => !columns.has(f));
  if (missing.length > 0) {
    await groups.return?.();
    const problems = missing.map((f): Problem => ({
      code: 'missing_column', severity: 'error', file: context.file, line: rows[index]?.line, column: family.aliases.aliases[f]?.[0] ?? f,
      message: `${family.name.en}: required column ${family.aliases.expected(f)} is missing from the header on line ${rows[index]?.line}`,
    }));
    return refused(family, ...problems);
  }
  const pending = rows.slice(index + 1);
  return { family, batches: readBatches(family, header, columns, { groups, pending, ended, end }, context) };
}

interface RowStream {
  groups: AsyncIterator<SourceRow[]>;
  /** rows read but not yet handed to the family */
  pending: SourceRow[];
  ended: boolean;
  end: DelimitedEnd;
}

/**
 * The family's output per batch of rows. One batch is held back until the next is read, so the
 * family knows which is the last; a delimited file cut short is refused before that last batch.
 */
async function* readBatches(
  family: TableFamily, header: HeaderColumn[], columns: ReadonlyMap<string, HeaderColumn>, stream: RowStream, context: FamilyContext,
): AsyncGenerator<FamilyOutput> {
  const { groups, end } = stream;
  let pending = stream.pending;
  let ended = stream.ended;
  const state: Record<string, unknown> = {};
  const size = readLimits.batchRows;
  for (;;) {
    while (!ended && pending.length <= size) ended = !(await pull(groups, pending));
    const last = pending.length <= size;
    const rows = last ? pending : pending.slice(0, size);
    pending = last ? [] : pending.slice(size);
    if (last) {
      const cut = truncatedRow(end, rows, header.length);
      if (cut) {
        yield {
          rows: 0, tables: {}, period: null, evidence: {}, problems: [{
            code: 'truncated', severity: 'error', file: context.file, line: cut.line,
            message: `the file ends in the middle of line ${cut.line} (${cut.cells.length} of ${header.length} columns): it looks cut off; download it again`,
          }],
        };
        return;
      }
    }
    const fields = new FieldReader(context.file, columns, []);
    const output = family.read({ header, rows, fields }, { ...context, batch: { last, state } });
    yield output;
    // an error naming no line is about the whole file (an unsupported report, no marketplace): said once
    if (last || output.problems.some((p) => p.severity === 'error' && p.line === undefined)) {
      await groups.return?.();
      return;
    }
  }
}

/** Appends the next group of rows; false at the end. */
async function pull(groups: AsyncIterator<SourceRow[]>, into: SourceRow[]): Promise<boolean> {
  const next = await groups.next();
  if (next.done) return false;
  for (const row of next.value) into.push(row);
  return true;
}

/** A download cut short: the last record has fewer cells than the header and no line end follows it. */
function truncatedRow(end: DelimitedEnd, rows: readonly SourceRow[], columns: number): SourceRow | undefined {
  const last = rows.at(-1);
  if (!last || end.records < 2 || end.endsWithLineEnd) return undefined;
  return last.cells.length < columns ? last : undefined;
}

export function findHeader(rows: readonly SourceRow[]): { family: TableFamily; header: HeaderColumn[]; index: number } | undefined {
  let best: { family: TableFamily; header: HeaderColumn[]; index: number; score: number } | undefined;
  for (let index = 0; index < Math.min(headerSearchDepth, rows.length); index++) {
    const header = readHeader(rows[index]?.cells ?? []);
    const found = detectTableFamily(header);
    if (found && (!best || found.score > best.score)) best = { ...found, header, index };
  }
  return best;
}

/** JSON documents are parsed whole: refused above `sourceLimits.wholeBytes` (SP-API and Ads API reports stay far below). */
async function readJson(source: SourceInfo, context: FamilyContext): Promise<OpenedReport> {
  const { text } = decodeText(await wholeBytes(source.path, 'a JSON report'));
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return refused(null, problem(context, 'bad_json', `not valid JSON: ${e instanceof Error ? e.message : String(e)}`));
  }
  const family = detectJsonFamily(doc);
  if (!family) return refused(null, problem(context, 'unknown_report', `a JSON document Asterism does not know; known reports: ${knownReportNames()}`));
  const output = family.read(doc, context);
  return { family, batches: (async function* () { yield output; })() };
}

function problem(context: FamilyContext, code: string, message: string): Problem {
  return { code, message, file: context.file, severity: 'error' };
}

function refused(family: ReportFamily | null, ...problems: Problem[]): OpenedReport {
  return { family, refused: { rows: 0, tables: {}, period: null, evidence: {}, problems } };
}
