import type { Problem } from '../domain/errors.ts';
import { parseDelimited } from './delimited-text.ts';
import type { FamilyContext, FamilyOutput, ReportFamily, TableFamily } from './family.ts';
import { readHeader, type HeaderColumn } from './header.ts';
import { detectJsonFamily, detectTableFamily, knownReportNames } from './registry.ts';
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
    const first = rows[0] ? rows[0].cells.map(cellText).join(', ').slice(0, 200) : '(empty file)';
    return failed(null, problem(context, 'unknown_report', `not a report Asterism knows: no header line among the first ${headerSearchDepth} lines matches one (line ${rows[0]?.line ?? 1} reads "${first}"); known reports: ${knownReportNames()}`));
  }
  const { family, header, index } = found;
  const columns = family.aliases.resolve(header);
  const missing = family.required.filter((f) => !columns.has(f));
  if (missing.length > 0) {
    const problems = missing.map((f): Problem => ({
      code: 'missing_column', severity: 'error', file: context.file, line: rows[index]?.line, column: family.aliases.aliases[f]?.[0] ?? f,
      message: `${family.name.en}: required column ${family.aliases.expected(f)} is missing from the header on line ${rows[index]?.line}`,
    }));
    return failed(family, ...problems);
  }
  const cut = source.kind === 'text' ? truncatedRow(source.text, rows, header.length) : undefined;
  if (cut) {
    return failed(family, {
      code: 'truncated', severity: 'error', file: context.file, line: cut.line,
      message: `the file ends in the middle of line ${cut.line} (${cut.cells.length} of ${header.length} columns): it looks cut off; download it again`,
    });
  }
  const fields = new FieldReader(context.file, columns, []);
  return { family, output: family.read({ header, rows: rows.slice(index + 1), fields }, context) };
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
    return failed(null, problem(context, 'bad_json', `not valid JSON: ${e instanceof Error ? e.message : String(e)}`));
  }
  const family = detectJsonFamily(doc);
  if (!family) return failed(null, problem(context, 'unknown_report', `a JSON document Asterism does not know; known reports: ${knownReportNames()}`));
  return { family, output: family.read(doc, context) };
}

function problem(context: FamilyContext, code: string, message: string): Problem {
  return { code, message, file: context.file, severity: 'error' };
}

function failed(family: ReportFamily | null, ...problems: Problem[]): ReadReport {
  return { family, output: { rows: 0, tables: {}, period: null, evidence: {}, problems } };
}
