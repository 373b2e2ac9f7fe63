/**
 * Dumps the JSON answer of every catalog metric by asin × date, by marketplace × month and by asin (the rollup's week level) (and of all of
 * them in one question), from the sources only and with the rollup allowed, one answer a line: run on two
 * versions of the compiler over copies of the same database and `cmp` the outputs (issue 17's "done when").
 *   npx tsx scripts/dump-answers.ts DATABASE OUT.jsonl [--from YYYY-MM-DD --to YYYY-MM-DD] [--full]
 * Each line holds the answer's SHA-256 and size, and with --full the answer itself.
 * The database is written to (the rollup is built in it): pass a copy.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { catalog } from '../src/metrics/catalog.ts';
import { runQuery } from '../src/metrics/query.ts';
import { setRollupMinRows } from '../src/metrics/rollup-refresh.ts';
import { Database } from '../src/store/database.ts';

const [path, out, ...rest] = process.argv.slice(2);
if (!path || !out) throw new Error('usage: dump-answers.ts DATABASE OUT.jsonl [--from D --to D]');
const option = (name: string) => (rest.includes(name) ? rest[rest.indexOf(name) + 1] : undefined);
const period = { ...(option('--from') ? { from: option('--from') } : {}), ...(option('--to') ? { to: option('--to') } : {}) };

const db = await Database.open(path);
const lines: string[] = [];
const ids = catalog.map((m) => m.id);
const questions = [...ids.map((id) => [id]), ids];
for (const [mode, minRows] of [['sources', Infinity], ['rollup', 0]] as const) {
  setRollupMinRows(db, minRows);
  for (const by of [['asin', 'date'], ['marketplace', 'month'], ['asin']]) {
    for (const metrics of questions) {
      let answer: unknown;
      try {
        answer = await runQuery(db, { metrics, by, ...period });
      } catch (e) {
        answer = { error: String(e) };
      }
      const json = JSON.stringify(answer);
      const sha256 = createHash('sha256').update(json).digest('hex');
      lines.push(JSON.stringify({ mode, by, metrics: metrics.length > 1 ? 'all' : metrics[0], sha256, bytes: json.length, ...(rest.includes('--full') ? { answer } : {}) }));
    }
  }
}
db.close();
writeFileSync(out, `${lines.join('\n')}\n`);
console.log(`${lines.length} answers written to ${out}`);
