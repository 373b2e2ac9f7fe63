import type { Problem } from '../domain/errors.ts';
import { both, shownValue, type MessageKey, type MessageParam } from '../domain/messages.ts';
import { parseDelimited } from './delimited-text.ts';
import type { FamilyContext, FamilyOutput, ReportFamily, TableFamily } from './family.ts';
import { readHeader, type HeaderColumn } from './header.ts';
import { detectJsonFamily, detectTableFamily, knownReportNames } from './registry.ts';
import { fileProblem } from './problems.ts';
import { FieldReader } from './row-fields.ts';
import type { SourceFile } from './source-file.ts';
import { cellText, headerSearchDepth, headerSearchEnd, type SourceRow } from './table.ts';
import { readFirstSheet } from './xlsx-sheet.ts';

export interface ReadReport {
  family: ReportFamily | null;
  output: FamilyOutput;
}

/** Recognise a file's report family and turn its content into canonical rows (no database). */
export async function readReport(source: SourceFile, context: FamilyContext): Promise<ReadReport> {
  if (source.kind === 'json') return readJson(source, context);
  const rows = source.kind === 'xlsx' ? await readFirstSheet(source.bytes) : parseDelimited(source.text);
  const found = findHeader(rows);
  if (!found) {
    const first = rows[0] ? shownValue(rows[0].cells.map(cellText).join(', '), 200) : '(empty file)';
    return failed(null, problem(context, 'unknown_report', { depth: headerSearchDepth, line: rows[0]?.line ?? 1, value: first, known: knownReportNames() }, rows[0]?.line ?? 1));
  }
  const { family, header, index } = found;
  const columns = family.aliases.resolve(header);
  const headerLine = rows[index]?.line ?? 1;
  const missing = family.required.filter((f) => !columns.has(f));
  if (missing.length > 0) {
    const problems = missing.map((f) => fileProblem('missing_column', { report: family.name, column: family.aliases.expected(f), line: headerLine }, {
      file: context.file, line: headerLine, column: family.aliases.aliases[f]?.[0] ?? f,
    }));
    return failed(family, ...problems);
  }
  const cut = source.kind === 'text' ? truncatedRow(source.text, rows, header.length) : undefined;
  if (cut) return failed(family, problem(context, 'truncated', { line: cut.line, cells: cut.cells.length, columns: header.length }, cut.line));
  const body = rows.slice(index + 1);
  const unfilled = unfilledColumns(family, columns, body, { file: context.file, line: headerLine });
  if (unfilled.some((p) => p.severity === 'error')) return failed(family, ...unfilled);
  const fields = new FieldReader(context.file, columns, []);
  const output = family.read({ header, rows: body, fields }, context);
  return { family, output: { ...output, problems: [...unfilled, ...output.problems] } };
}

/** The family's always-filled fields that are empty on every row (or, for warnings, not in the file at all). */
function unfilledColumns(family: TableFamily, columns: ReadonlyMap<string, HeaderColumn>, rows: readonly SourceRow[], at: { file: string; line: number }): Problem[] {
  const problems: Problem[] = [];
  for (const [field, rule] of Object.entries(family.filled ?? {})) {
    const column = columns.get(field);
    const severity = rule === 'refuse' ? 'error' : 'warning';
    if (!column) {
      if (rule === 'warn') problems.push(fileProblem('absent_column_warning', { report: family.name, column: family.aliases.expected(field) }, { code: 'absent_column', severity, file: at.file, column: field }));
      continue;
    }
    if (rows.length === 0 || rows.some((r) => cellText(r.cells[column.index]).trim() !== '')) continue;
    const key = rule === 'refuse' ? 'empty_column' : 'empty_column_warning';
    problems.push(fileProblem(key, { report: family.name, column: column.original, line: at.line, rows: rows.length }, {
      code: 'empty_column', severity, file: at.file, line: at.line, column: column.original,
    }));
  }
  return problems;
}

/** A download cut short: the last record has fewer cells than the header and no line end follows it. */
function truncatedRow(text: string, rows: readonly SourceRow[], columns: number): SourceRow | undefined {
  const last = rows.at(-1);
  if (!last || rows.length < 2 || /[\r\n]$/.test(text)) return undefined;
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

function readJson(source: SourceFile, context: FamilyContext): ReadReport {
  let doc: unknown;
  try {
    doc = JSON.parse(source.text);
  } catch (e) {
    return failed(null, problem(context, 'bad_json', { reason: both(e instanceof Error ? e.message : String(e)) }));
  }
  const family = detectJsonFamily(doc);
  if (!family) return failed(null, problem(context, 'unknown_json', { known: knownReportNames() }, undefined, 'unknown_report'));
  return { family, output: family.read(doc, context) };
}

function problem(context: FamilyContext, key: MessageKey, params: Record<string, MessageParam>, line?: number, code: string = key): Problem {
  return fileProblem(key, params, { code, file: context.file, ...(line === undefined ? {} : { line }) });
}

function failed(family: ReportFamily | null, ...problems: Problem[]): ReadReport {
  return { family, output: { rows: 0, tables: {}, period: null, evidence: {}, problems } };
}
