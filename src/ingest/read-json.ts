import type { Problem } from '../domain/errors.ts';
import { both } from '../domain/messages.ts';
import type { FamilyContext, FamilyOutput, JsonFamily } from './family.ts';
import { jsonListBatches, jsonOutline, rootList, type JsonOutline } from './json-stream.ts';
import { fileProblem } from './problems.ts';
import { detectJsonFamily, knownReportNames } from './registry.ts';
import { decodeText, SourceError, wholeBytes, type SourceInfo, type TextEncodingName } from './source-file.ts';
import { EncodingRestart, textChunks } from './text-chunks.ts';

export type OpenedJson =
  | { family: JsonFamily | null; refused: FamilyOutput }
  | { family: JsonFamily; batches: AsyncIterable<FamilyOutput> };

interface JsonReading {
  encoding: TextEncodingName | 'auto';
  onBytes?: (bytesRead: number, bytes: number) => void;
  batchRows: number;
}

/**
 * A JSON report in two streamed passes, never held whole: the outline (its lists sketched, the report
 * specification kept) recognises the family, then the family's rows list is read in batches. A family
 * that reads no list (`rowsIn` unset) gets the document parsed whole, refused above `sourceLimits.wholeBytes`.
 */
export async function openJson(source: SourceInfo, context: FamilyContext, reading: JsonReading): Promise<OpenedJson> {
  let outline: JsonOutline;
  try {
    outline = await jsonOutline(textChunks(source.path, reading.encoding));
  } catch (e) {
    if (e instanceof EncodingRestart || e instanceof SourceError) throw e;
    return refused(null, badJson(context, e));
  }
  const family = detectJsonFamily(outline.doc);
  if (!family) return refused(null, fileProblem('unknown_json', { known: knownReportNames() }, { code: 'unknown_report', file: context.file }));
  if (family.rowsIn === undefined) return readWhole(source, context);
  const list = family.rowsIn;
  const json = { outline: outline.doc, offset: 0 };
  // no rows list at all (a report requested without it): the family says what is missing from the outline
  if (!outline.lists.has(list)) return { family, batches: once(family.read(outline.doc, { ...context, batch: { last: true, state: {}, json } })) };
  return { family, batches: readBatches(family, list, outline, source, context, reading) };
}

/** The family's output per batch of the list's entries; one batch held back so the family knows the last. */
async function* readBatches(
  family: JsonFamily, list: string, outline: JsonOutline, source: SourceInfo, context: FamilyContext, reading: JsonReading,
): AsyncGenerator<FamilyOutput> {
  const state: Record<string, unknown> = {};
  const batches = jsonListBatches(textChunks(source.path, reading.encoding, undefined, reading.onBytes), list, reading.batchRows)[Symbol.asyncIterator]();
  let next = await batches.next();
  while (!next.done) {
    const { entries, offset } = next.value;
    next = await batches.next();
    const last = next.done === true;
    const doc = list === rootList ? entries : { ...(outline.doc as Record<string, unknown>), [list]: entries };
    const output = family.read(doc, { ...context, batch: { last, state, json: { outline: outline.doc, offset } } });
    yield output;
    // an error naming no line is about the whole file (a bad report specification): said once
    if (output.problems.some((p) => p.severity === 'error' && p.line === undefined)) {
      await batches.return?.(undefined);
      return;
    }
  }
}

/** Families that read the whole document (account health: one small document per account). */
async function readWhole(source: SourceInfo, context: FamilyContext): Promise<OpenedJson> {
  const { text } = decodeText(await wholeBytes(source.path, { en: 'a JSON report', zh: 'JSON 报表' }));
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return refused(null, badJson(context, e));
  }
  const family = detectJsonFamily(doc);
  if (!family) return refused(null, fileProblem('unknown_json', { known: knownReportNames() }, { code: 'unknown_report', file: context.file }));
  return { family, batches: once(family.read(doc, context)) };
}

async function* once(output: FamilyOutput): AsyncGenerator<FamilyOutput> {
  yield output;
}

function badJson(context: FamilyContext, e: unknown): Problem {
  return fileProblem('bad_json', { reason: both(e instanceof Error ? e.message : String(e)) }, { code: 'bad_json', file: context.file });
}

function refused(family: JsonFamily | null, ...problems: Problem[]): OpenedJson {
  return { family, refused: { rows: 0, tables: {}, period: null, evidence: {}, problems } };
}
