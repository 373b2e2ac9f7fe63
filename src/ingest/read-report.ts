import type { Problem } from '../domain/errors.ts';
import { both, shownValue, type MessageKey, type MessageParam } from '../domain/messages.ts';
import { closestFamily, quotedColumns } from './closest-family.ts';
import type { FamilyContext, FamilyOutput, ReportFamily, TableFamily } from './family.ts';
import { readHeader, type HeaderColumn } from './header.ts';
import { detectTableFamily, knownReportNames } from './registry.ts';
import { openJson } from './read-json.ts';
import { delimitedRowGroups, type DelimitedEnd } from './report-rows.ts';
import { fileProblem } from './problems.ts';
import { FilledColumns } from './filled-columns.ts';
import { FieldReader } from './row-fields.ts';
import { wholeBytes, type SourceInfo, type TextEncodingName } from './source-file.ts';
import { cellText, headerSearchDepth, headerSearchEnd, longestPreamble, type SourceRow } from './table.ts';
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
  if (source.kind === 'json') return openJson(source, context, { ...reading, batchRows: readLimits.batchRows });
  const end: DelimitedEnd = { endsWithLineEnd: true, records: 0 };
  let groups: AsyncIterator<SourceRow[]>;
  if (source.kind === 'xlsx') {
    // an xlsx inside gzip is held whole (rare); a plain one is read from disk as it streams
    const input = source.gzip ? await wholeBytes(source.path, { en: 'a compressed workbook', zh: '压缩的工作簿' }) : source.path;
    const damage = await workbookDamage(input);
    if (damage) return refused(null, problem(context, 'corrupt_file', { file: context.file, reason: both(`incomplete workbook: ${damage}`) }, undefined, 'truncated'));
    groups = sheetRowGroups(input)[Symbol.asyncIterator]();
  } else {
    groups = delimitedRowGroups(source.path, reading.encoding, end, reading.onBytes)[Symbol.asyncIterator]();
  }
  const rows: SourceRow[] = [];
  let ended = false;
  // the first rows, and on while they are notes (a preamble of any length, up to `longestPreamble` rows)
  while (!ended && rows.length < longestPreamble && headerSearchEnd(rows) >= rows.length) ended = !(await pull(groups, rows));
  const found = findHeader(rows);
  if (!found) {
    await groups.return?.();
    const closest = closestFamily(rows, headerSearchEnd(rows));
    if (closest) {
      return refused(null, problem(context, 'unknown_report_closest', {
        depth: headerSearchDepth, line: closest.line, report: closest.family.name, shared: closest.shared,
        lacking: quotedColumns(closest.lacking), unknown: quotedColumns(closest.unknown),
      }, closest.line, 'unknown_report'));
    }
    const first = rows[0] ? shownValue(rows[0].cells.map(cellText).join(', '), 200) : '(empty file)';
    return refused(null, problem(context, 'unknown_report', { depth: headerSearchDepth, line: rows[0]?.line ?? 1, value: first, known: knownReportNames() }, rows[0]?.line ?? 1));
  }
  const { family, header, index } = found;
  const columns = family.aliases.resolve(header);
  const headerLine = rows[index]?.line ?? 1;
  const missing = family.required.filter((f) => !columns.has(f));
  if (missing.length > 0) {
    await groups.return?.();
    const problems = missing.map((f) => fileProblem('missing_column', { report: family.name, column: family.aliases.expected(f), line: headerLine }, {
      file: context.file, line: headerLine, column: family.aliases.aliases[f]?.[0] ?? f,
    }));
    return refused(family, ...problems);
  }
  const pending = rows.slice(index + 1);
  return { family, batches: readBatches(family, header, columns, { groups, pending, ended, end, headerLine }, context) };
}

interface RowStream {
  groups: AsyncIterator<SourceRow[]>;
  /** rows read but not yet handed to the family */
  pending: SourceRow[];
  ended: boolean;
  end: DelimitedEnd;
  headerLine: number;
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
  const filled = new FilledColumns(family, columns);
  for (;;) {
    while (!ended && pending.length <= size) ended = !(await pull(groups, pending));
    const last = pending.length <= size;
    const rows = last ? pending : pending.slice(0, size);
    pending = last ? [] : pending.slice(size);
    if (last) {
      const cut = truncatedRow(end, rows, header.length);
      if (cut) {
        yield { rows: 0, tables: {}, period: null, evidence: {}, problems: [problem(context, 'truncated', { line: cut.line, cells: cut.cells.length, columns: header.length }, cut.line)] };
        return;
      }
    }
    filled.see(rows);
    // always-filled columns empty on every row: refused (or warned about) once the last row is read, before it is written
    const unfilled = last ? filled.problems({ file: context.file, line: stream.headerLine }) : [];
    if (unfilled.some((p) => p.severity === 'error')) {
      yield { rows: 0, tables: {}, period: null, evidence: {}, problems: unfilled };
      return;
    }
    const fields = new FieldReader(context.file, columns, []);
    const read = family.read({ header, rows, fields }, { ...context, batch: { last, state } });
    const output = unfilled.length > 0 ? { ...read, problems: [...unfilled, ...read.problems] } : read;
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
  const end = headerSearchEnd(rows);
  for (let index = 0; index < end; index++) {
    const header = readHeader(rows[index]?.cells ?? []);
    const found = detectTableFamily(header);
    if (found && (!best || found.score > best.score)) best = { ...found, header, index };
  }
  return best;
}

function problem(context: FamilyContext, key: MessageKey, params: Record<string, MessageParam>, line?: number, code: string = key): Problem {
  return fileProblem(key, params, { code, file: context.file, ...(line === undefined ? {} : { line }) });
}

function refused(family: ReportFamily | null, ...problems: Problem[]): OpenedReport {
  return { family, refused: { rows: 0, tables: {}, period: null, evidence: {}, problems } };
}
