/** What a statement does, which says where it runs (see `Database`):
 * - `read`: cannot change a row; runs on a reading connection and does not move `dataVersion`;
 * - `setting`: SET / RESET of the writing connection (the importer's progress bar); moves nothing;
 * - `transaction`: BEGIN, COMMIT, ROLLBACK: refused, `Database.transaction` alone opens and ends them;
 * - `write`: anything else, counted as a write (a read counted as a write only waits its turn). */
export type StatementKind = 'read' | 'setting' | 'transaction' | 'write';

const reads = /^[\s(]*(SELECT|WITH|FROM|DESCRIBE|EXPLAIN|SUMMARIZE|SHOW|VALUES|TABLE)\b/i;
const settings = /^\s*(SET|RESET)\b/i;
const transactions = /^\s*(BEGIN|START\s+TRANSACTION|COMMIT|END|ROLLBACK|ABORT)\b/i;
/** A CTE can lead into a write, and a second statement can follow a first (`SELECT 1; DELETE …`). */
const writeWords = /\b(INSERT|UPDATE|DELETE|MERGE|CREATE|DROP|ALTER|COPY|ATTACH|DETACH|TRUNCATE|CHECKPOINT|VACUUM|IMPORT|EXPORT)\b/i;
const secondStatement = /;\s*\S/;
/** A SELECT that moves a sequence writes. */
const sequenceMoves = /\b(nextval|setval)\s*\(/i;

export function statementKind(sql: string): StatementKind {
  if (settings.test(sql)) return 'setting';
  if (transactions.test(sql)) return 'transaction';
  if (!reads.test(sql)) return 'write';
  const mayWrite = (/^[\s(]*WITH\b/i.test(sql) || secondStatement.test(sql)) && writeWords.test(sql);
  return mayWrite || sequenceMoves.test(sql) ? 'write' : 'read';
}
