import { basename } from 'node:path';
import { freshRollup } from '../metrics/rollup-refresh.ts';
import { importFiles, listSources, type FileResult, type ImportOptions, type ReadingProgress } from '../ingest/index.ts';
import { listMetrics } from '../metrics/listing.ts';
import type { RowScope } from '../metrics/request.ts';
import { Database } from '../store/database.ts';
import { listFxRates, setFxRates, type FxRate } from '../store/fx-rates.ts';
import { importStore } from '../store/import-store.ts';
import { recordImportFailures } from '../store/import-failures.ts';
import { answerPeriod } from './answer-period.ts';
import { answerQuery } from './answer-query.ts';
import { emptyAnswerProblem, isEmptyAnswer } from './empty-answer.ts';
import type { AsterismApi } from './asterism-api.ts';
import { operations, runOperation, type OperationName, type OperationOutput, type OperationRequest } from './operations.ts';
import { rememberedAnswer } from './answer-cache.ts';
import { recordChange, type Actor } from './audit.ts';

/** Read operations whose answers only the database and the date decide, and that cost enough to remember. */
// the review too: every member of a team opening the same review asks the same question (issue 20)
const remembered = new Set<OperationName>(['kpi_status', 'profit', 'funnel', 'diagnose', 'report']);

export class LocalAsterism implements AsterismApi {
  readonly via = 'database' as const;
  /** told after an import that brought rows (`asterism serve` runs the alert rules then) */
  afterImport: (() => void) | undefined;
  /** `actor`: changes are written to the audit log as theirs (the CLI on the database); a server records its own. */
  private constructor(readonly db: Database, private readonly actor?: Actor) {}

  static async open(path: string, actor?: Actor): Promise<LocalAsterism> {
    return new LocalAsterism(await Database.open(path), actor);
  }

  async metrics() {
    return listMetrics();
  }

  async query(request: Parameters<AsterismApi['query']>[0]) {
    return this.read(async () => {
      const asked = await answerQuery(this.db, request);
      // asked without dates, the answer says which dates "all dates" are (issue 15.7)
      const answer = { ...asked, period: await answerPeriod(this.db, request.metrics, request) };
      // an empty answer says why (the period against the data's range), in the CLI and the API alike
      if (!isEmptyAnswer(answer.rows, request.metrics)) return answer;
      return { ...answer, problems: [...answer.problems, await emptyAnswerProblem(this.db, request)] };
    });
  }

  /**
   * A question, answered from one committed state (a read snapshot), however many statements it takes:
   * an import committing meanwhile is all in the answer or not at all. The rollup is brought up to date
   * first when no write is running, so the snapshot finds it fresh.
   */
  private async read<T>(work: () => Promise<T>): Promise<T> {
    await freshRollup(this.db);
    return this.db.snapshot(work);
  }

  async importFiles(
    files: string[], options: ImportOptions, onFile?: (result: FileResult, index: number, total: number) => void,
    onReading?: (progress: ReadingProgress) => void,
  ) {
    const result = await importFiles(this.db, files, options, (p) => onFile?.(p.result, p.index, p.total), onReading);
    // a file that failed is kept, so that the alerts tell whoever answers for the data (issue 19)
    await recordImportFailures(this.db, result.files.filter((f) => f.status === 'error').map((f) => ({
      store: f.store, file: basename(f.file), reportType: f.type, error: { en: f.error ?? '', zh: f.error_zh ?? f.error ?? '' },
    })));
    if (this.actor) await recordChange(this.db, this.actor, 'import', { files: result.files.map((f) => f.file) }, `files=${files.length}`);
    // the ASIN rollup is brought up to date now, while the user waits for the import, not at the next question
    // (or, when other writes wait their turn, right after them: the import's answer does not wait for theirs)
    await freshRollup(this.db);
    if (result.files.some((f) => f.status === 'imported')) this.afterImport?.();
    return result;
  }

  /** The store an import without one goes to, or a refusal naming the stores (store/import-store.ts). */
  async importStore(given: string | undefined): Promise<string> {
    return importStore(this.db, given);
  }

  async sources() {
    return this.db.snapshot(() => listSources(this.db));
  }

  async fxRates() {
    return this.db.snapshot(() => listFxRates(this.db));
  }

  async setFxRates(rates: FxRate[]) {
    await setFxRates(this.db, rates);
    if (this.actor) await recordChange(this.db, this.actor, 'fx_set', { rates });
  }

  async run<K extends OperationName>(name: K, input: OperationRequest<K>, scope?: RowScope): Promise<OperationOutput<K>> {
    if (operations[name].method !== 'get') {
      // a change reads back what it wrote, so it runs outside a snapshot
      const output = await runOperation(this.db, name, input);
      if (this.actor) await recordChange(this.db, this.actor, name, input);
      return output;
    }
    // a GET reads only: one snapshot; the heavy ones remembered until the next write (answer-cache.ts)
    const answer = () => this.read(() => runOperation(this.db, name, input, scope));
    return remembered.has(name) ? rememberedAnswer(this.db, JSON.stringify([name, input, scope ?? null]), answer) : answer();
  }

  async close() {
    // a write still in its turn (a rollup brought up to date in the background) ends before the file closes
    await this.db.settled();
    this.db.close();
  }
}
