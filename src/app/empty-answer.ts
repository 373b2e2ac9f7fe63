import { problemOf, type Problem } from '../domain/errors.ts';
import type { QueryRow } from '../metrics/query.ts';
import { dataSpan } from '../store/data-span.ts';
import type { Database } from '../store/database.ts';

/**
 * An empty answer says why (issue 15.9): nothing imported, a period before or after the data (naming
 * the nearest data), or a selection with no rows inside the data's range. The problem `no_data` rides
 * beside the empty rows in the CLI, the API and the dashboard.
 */
export async function emptyAnswerProblem(db: Database, scope: { from?: string | undefined; to?: string | undefined }): Promise<Problem> {
  const span = await dataSpan(db);
  const fields = { code: 'no_data', severity: 'warning' as const };
  if (!span) return problemOf({ en: 'no data: nothing is imported yet', zh: '没有数据：还没有导入任何报表' }, fields);
  const asked = scope.from || scope.to ? `${scope.from ?? '…'} – ${scope.to ?? '…'}` : null;
  const covers = `${span.first} – ${span.last}`;
  if (asked && scope.from && scope.from > span.last) {
    return problemOf({
      en: `no data in ${asked}: the nearest data ends ${span.last} (the data covers ${covers})`,
      zh: `${asked} 没有数据：最近的数据截至 ${span.last}（数据范围 ${covers}）`,
    }, fields);
  }
  if (asked && scope.to && scope.to < span.first) {
    return problemOf({
      en: `no data in ${asked}: the nearest data starts ${span.first} (the data covers ${covers})`,
      zh: `${asked} 没有数据：最近的数据始于 ${span.first}（数据范围 ${covers}）`,
    }, fields);
  }
  return problemOf({
    en: `no rows for this selection${asked ? ` in ${asked}` : ''} (the data covers ${covers}): widen the dates or clear a filter`,
    zh: `所选范围${asked ? `在 ${asked} ` : ''}没有数据（数据范围 ${covers}）：请放宽日期或清除筛选条件`,
  }, fields);
}

/** No row, or no metric known in any row. */
export function isEmptyAnswer(rows: readonly QueryRow[], metrics: readonly string[]): boolean {
  return rows.every((r) => metrics.every((m) => r[m] === null || r[m] === undefined));
}
