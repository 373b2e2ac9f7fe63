import type { Problem } from '../domain/errors.ts';
import type { TableFamily } from './family.ts';
import type { HeaderColumn } from './header.ts';
import { fileProblem } from './problems.ts';
import { cellText, type SourceRow } from './table.ts';

/** The family's always-filled fields (`filled`), followed across batches: which have a value on some row. */
export class FilledColumns {
  private readonly unseen = new Map<string, HeaderColumn>();
  private readonly absent: string[] = [];
  private rows = 0;

  constructor(private readonly family: TableFamily, columns: ReadonlyMap<string, HeaderColumn>) {
    for (const field of Object.keys(family.filled ?? {})) {
      const column = columns.get(field);
      if (column) this.unseen.set(field, column);
      else this.absent.push(field);
    }
  }

  /** The fields not yet seen with a value, and their columns (the large-file path asks DuckDB about them). */
  get unfilled(): ReadonlyMap<string, HeaderColumn> {
    return this.unseen;
  }

  /** Counted elsewhere (the large-file path's SQL aggregate): `rows` more rows, on which `filled` had a value. */
  counted(rows: number, filled: Iterable<string>): void {
    this.rows += rows;
    for (const field of filled) this.unseen.delete(field);
  }

  see(rows: readonly SourceRow[]): void {
    this.rows += rows.length;
    for (const [field, column] of this.unseen) {
      if (rows.some((r) => cellText(r.cells[column.index]).trim() !== '')) this.unseen.delete(field);
    }
  }

  /** Fields empty on every row (or, for warnings, not in the file at all). */
  problems(at: { file: string; line: number }): Problem[] {
    const { family } = this;
    const rules = family.filled ?? {};
    const problems: Problem[] = [];
    for (const field of this.absent) {
      if (rules[field] !== 'warn') continue;
      problems.push(fileProblem('absent_column_warning', { report: family.name, column: family.aliases.expected(field) }, { code: 'absent_column', severity: 'warning', file: at.file, column: field }));
    }
    if (this.rows === 0) return problems;
    for (const [field, column] of this.unseen) {
      const refuse = rules[field] === 'refuse';
      problems.push(fileProblem(refuse ? 'empty_column' : 'empty_column_warning', { report: family.name, column: column.original, line: at.line, rows: this.rows }, {
        code: 'empty_column', severity: refuse ? 'error' : 'warning', file: at.file, line: at.line, column: column.original,
      }));
    }
    return problems;
  }
}
