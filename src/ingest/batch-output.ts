import { fileProblem } from './problems.ts';
import type { Problem } from '../domain/errors.ts';
import type { CanonicalRow, FamilyOutput, MarketplaceEvidence, Period } from './family.ts';

/** Problems kept per file: enough to fix it; past this only a count (a file of a million bad rows stays small). */
export const problemsKept = 1000;

/**
 * The outputs of a file's batches merged into the file's: rows summed, the period widened, the
 * evidence joined, problems kept up to `problemsKept` plus a count, tables kept only when asked
 * (files written whole: master data); otherwise each batch's tables are written as they come.
 */
export class MergedOutput {
  rows = 0;
  period: Period | null = null;
  readonly problems: Problem[] = [];
  private dropped = 0;
  private droppedErrors = 0;
  private readonly amazonIds = new Set<string>();
  private readonly salesChannels = new Set<string>();
  private readonly currencies = new Set<string>();
  readonly tables: Record<string, CanonicalRow[]> = {};
  /** rows of non-Amazon channels skipped, per channel (summed over batches) */
  readonly skipped: Record<string, number> = {};

  constructor(private readonly keepTables = false) {}

  add(batch: FamilyOutput): void {
    this.rows += batch.rows;
    if (batch.period) {
      const { from, to } = batch.period;
      this.period = this.period ? { from: from < this.period.from ? from : this.period.from, to: to > this.period.to ? to : this.period.to } : { from, to };
    }
    batch.evidence.amazonIds?.forEach((v) => this.amazonIds.add(v));
    batch.evidence.salesChannels?.forEach((v) => this.salesChannels.add(v));
    batch.evidence.currencies?.forEach((v) => this.currencies.add(v));
    for (const [channel, n] of Object.entries(batch.skipped ?? {})) this.skipped[channel] = (this.skipped[channel] ?? 0) + n;
    for (const problem of batch.problems) {
      if (this.problems.length < problemsKept) this.problems.push(problem);
      else {
        this.dropped++;
        if (problem.severity === 'error') this.droppedErrors++;
      }
    }
    if (this.keepTables) {
      for (const [table, rows] of Object.entries(batch.tables)) {
        const kept = (this.tables[table] ??= []);
        for (const row of rows) kept.push(row);
      }
    }
  }

  get failed(): boolean {
    return this.problems.some((p) => p.severity === 'error');
  }

  /** Only the kinds of evidence some batch gave, as a whole-file read would have given them. */
  get evidence(): MarketplaceEvidence {
    const evidence: { amazonIds?: string[]; salesChannels?: string[]; currencies?: string[] } = {};
    if (this.amazonIds.size > 0) evidence.amazonIds = [...this.amazonIds];
    if (this.salesChannels.size > 0) evidence.salesChannels = [...this.salesChannels];
    if (this.currencies.size > 0) evidence.currencies = [...this.currencies];
    return evidence;
  }

  /** The file's output; past the kept problems, one more says how many were left out. */
  output(file: string): FamilyOutput {
    const problems = this.dropped === 0 ? this.problems : [...this.problems, fileProblem(this.dropped === 1 ? 'problem_not_listed' : 'problems_not_listed', { count: this.dropped, kept: problemsKept }, {
      code: 'more_problems', severity: this.droppedErrors > 0 ? 'error' : 'warning', file,
    })];
    const skipped = Object.keys(this.skipped).length > 0 ? { skipped: { ...this.skipped } } : {};
    return { rows: this.rows, tables: this.tables, period: this.period, evidence: this.evidence, problems, ...skipped };
  }
}
