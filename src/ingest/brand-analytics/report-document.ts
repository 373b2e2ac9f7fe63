import { say } from '../../domain/messages.ts';
import type { Problem } from '../../domain/errors.ts';
import { refusal, type CanonicalRow, type FamilyContext, type FamilyOutput } from '../family.ts';
import { isObject, JsonFields, objectAt, spanOf, stringList, text, type Json } from '../report-helpers/json-fields.ts';

/** The rows list of a Brand Analytics document, streamed in batches: a search query report can be hundreds of MB. */
export const byAsinRows = 'dataByAsin';

/** An SP-API Brand Analytics document: `reportSpecification` + `dataByAsin[]` (FORMATS §6.2). */
export function reportTypeOf(doc: unknown): string | null {
  return text(objectAt(doc, 'reportSpecification').reportType);
}

/** 10 when reportSpecification names the report, 5 when only its entries' shape matches. */
export function detectByAsinReport(doc: unknown, reportType: string, looksLike: (entry: Json) => boolean): number | false {
  if (!isObject(doc)) return false;
  const type = reportTypeOf(doc);
  if (type !== null) return type === reportType ? 10 : false;
  const first: unknown = Array.isArray(doc.dataByAsin) ? doc.dataByAsin[0] : undefined;
  return isObject(first) && looksLike(first) ? 5 : false;
}

/**
 * Reads every dataByAsin entry with `rowOf` (each dated by its own startDate/endDate, so a
 * multi-week report keeps its weeks) and assembles the output; marketplace from marketplaceIds.
 * Streamed, `doc` holds one batch of entries: each is named by its place in the whole file.
 */
export function readByAsin(
  doc: unknown, context: FamilyContext, table: string,
  rowOf: (entry: Json, at: string, fields: JsonFields) => CanonicalRow | null,
): FamilyOutput {
  const entries = isObject(doc) && Array.isArray(doc.dataByAsin) ? doc.dataByAsin : undefined;
  if (!entries) return refusal(context, 'missing_field', say('missing_list', { path: 'dataByAsin', hint: '' }));
  const fields = new JsonFields(context.file);
  const rows: CanonicalRow[] = [];
  const start = context.batch?.json?.offset ?? 0;
  entries.forEach((entry: unknown, index) => {
    const before = fields.problems.length;
    const row = entryRow(entry, `dataByAsin[${start + index}]`, fields, rowOf);
    if (row) rows.push(row);
    // the entry's number as its line (as the Ads API reports do): a problem naming no line would stop a streamed read as file-wide
    for (const p of fields.problems.slice(before)) p.line = start + index + 1;
  });
  const spec = objectAt(doc, 'reportSpecification');
  const problems: Problem[] = fields.problems;
  return {
    rows: entries.length,
    tables: { [table]: rows },
    period: spanOf(rows),
    evidence: { amazonIds: stringList(spec.marketplaceIds), currencies: [...fields.currencies] },
    problems,
  };
}

function entryRow(
  entry: unknown, at: string, fields: JsonFields,
  rowOf: (entry: Json, at: string, fields: JsonFields) => CanonicalRow | null,
): CanonicalRow | null {
  const e = isObject(entry) ? entry : {};
  const asin = text(e.asin);
  const dateFrom = fields.date(e, 'startDate', at);
  const dateTo = fields.date(e, 'endDate', at);
  if (!asin) return (fields.missing(`${at}.asin`, 'every row belongs to an ASIN'), null);
  if (!dateFrom || !dateTo) return (fields.missing(`${at}.startDate/endDate`, 'they are the week or month the row covers'), null);
  const row = rowOf(e, at, fields);
  return row ? { date_from: dateFrom, date_to: dateTo, asin, ...row } : null;
}
