import { freshRollup } from '../metrics/rollup-refresh.ts';
import { importFiles, listSources, type FileResult, type ImportOptions, type ReadingProgress } from '../ingest/index.ts';
import { listMetrics } from '../metrics/listing.ts';
import { Database } from '../store/database.ts';
import { listFxRates, setFxRates, type FxRate } from '../store/fx-rates.ts';
import { answerQuery } from './answer-query.ts';
import { emptyAnswerProblem, isEmptyAnswer } from './empty-answer.ts';
import type { AsterismApi } from './asterism-api.ts';
import { operations, runOperation, type OperationInput, type OperationName, type OperationOutput } from './operations.ts';
import { recordChange, type Actor } from './audit.ts';

export class LocalAsterism implements AsterismApi {
  readonly via = 'database' as const;
  /** `actor`: changes are written to the audit log as theirs (the CLI on the database); a server records its own. */
  private constructor(readonly db: Database, private readonly actor?: Actor) {}

  static async open(path: string, actor?: Actor): Promise<LocalAsterism> {
    return new LocalAsterism(await Database.open(path), actor);
  }

  async metrics() {
    return listMetrics();
  }

  async query(request: Parameters<AsterismApi['query']>[0]) {
    const answer = await answerQuery(this.db, request);
    // an empty answer says why (the period against the data's range), in the CLI and the API alike
    if (!isEmptyAnswer(answer.rows, request.metrics)) return answer;
    return { ...answer, problems: [...answer.problems, await emptyAnswerProblem(this.db, request)] };
  }

  async importFiles(
    files: string[], options: ImportOptions, onFile?: (result: FileResult, index: number, total: number) => void,
    onReading?: (progress: ReadingProgress) => void,
  ) {
    const result = await importFiles(this.db, files, options, (p) => onFile?.(p.result, p.index, p.total), onReading);
    if (this.actor) await recordChange(this.db, this.actor, 'import', { files: result.files.map((f) => f.file) }, `files=${files.length}`);
    // the ASIN rollup is brought up to date now, while the user waits for the import, not at the next question
    // (or, when other writes wait their turn, right after them: the import's answer does not wait for theirs)
    await freshRollup(this.db);
    return result;
  }

  async sources() {
    return listSources(this.db);
  }

  async fxRates() {
    return listFxRates(this.db);
  }

  async setFxRates(rates: FxRate[]) {
    await setFxRates(this.db, rates);
    if (this.actor) await recordChange(this.db, this.actor, 'fx_set', { rates });
  }

  async run<K extends OperationName>(name: K, input: OperationInput<K>): Promise<OperationOutput<K>> {
    const output = await runOperation(this.db, name, input);
    if (this.actor && operations[name].method !== 'get') await recordChange(this.db, this.actor, name, input);
    return output;
  }

  async close() {
    // a write still in its turn (a rollup brought up to date in the background) ends before the file closes
    await this.db.settled();
    this.db.close();
  }
}
