import type { DetectorDefinition } from '../analysis/alert-detectors.ts';
import { addDays, weekStartOf } from '../domain/calendar.ts';
import { say, type Texts } from '../domain/messages.ts';
import { dimensionNames, isDimension } from '../metrics/dimensions.ts';
import { runQuery, type QueryRow } from '../metrics/query.ts';
import type { Database } from '../store/database.ts';

/**
 * Which part of a scope's number moved (a detector's `split`): the count split by a catalog dimension
 * (returns by reason), each part over the scope's whole base (units ordered) in the window and over the
 * 8 weeks before it, as the anomaly's history reads them. The part whose share rose most is named first.
 */
export interface SplitPart {
  part: string;
  count: number;
  base: number;
  rate: number;
  beforeCount: number;
  beforeBase: number;
  beforeRate: number | null;
}

const scopeKey = (row: QueryRow, by: readonly string[]) => by.map((k) => `${k}=${String(row[k])}`).join(';');

export async function splitParts(
  db: Database, d: DetectorDefinition, window: { from: string; to: string }, by: readonly string[], filter: object,
): Promise<Map<string, SplitPart[]>> {
  const split = d.split;
  if (!split) return new Map();
  const start = weekStartOf(window.from);
  const before = { from: addDays(start, -56), to: addDays(start, -1) };
  const read = async (span: { from: string; to: string }) => {
    const [parts, whole] = await Promise.all([
      runQuery(db, { metrics: [split.count], by: [...by, split.dimension], ...span, ...filter }),
      runQuery(db, { metrics: [split.base], by: [...by], ...span, ...filter }),
    ]);
    const bases = new Map(whole.rows.map((r) => [scopeKey(r, by), Number(r[split.base] ?? 0)]));
    const counts = new Map<string, Map<string, number>>();
    for (const r of parts.rows) {
      const k = scopeKey(r, by);
      const part = r[split.dimension] === null || r[split.dimension] === undefined || r[split.dimension] === '' ? '?' : String(r[split.dimension]);
      const m = counts.get(k) ?? new Map<string, number>();
      m.set(part, (m.get(part) ?? 0) + Number(r[split.count] ?? 0));
      counts.set(k, m);
    }
    return { bases, counts };
  };
  const [now, then] = [await read(window), await read(before)];
  const out = new Map<string, SplitPart[]>();
  for (const [k, counts] of now.counts) {
    const base = now.bases.get(k) ?? 0;
    if (!(base > 0)) continue;
    const beforeBase = then.bases.get(k) ?? 0;
    const parts = [...counts].map(([part, count]) => {
      const beforeCount = then.counts.get(k)?.get(part) ?? 0;
      return { part, count, base, rate: count / base, beforeCount, beforeBase, beforeRate: beforeBase > 0 ? beforeCount / beforeBase : null };
    });
    // the largest rise in points first; a part with no history is judged against 0
    parts.sort((a, b) => b.rate - (b.beforeRate ?? 0) - (a.rate - (a.beforeRate ?? 0)) || a.part.localeCompare(b.part));
    out.set(k, parts);
  }
  return out;
}

/** The evidence line of the part that rose most, and the other parts in one line. */
export function splitEvidence(d: DetectorDefinition, parts: readonly SplitPart[]): Texts[] {
  const [top, ...rest] = parts;
  if (!top) return [];
  const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
  const pts = (v: number) => `${v >= 0 ? '+' : '−'}${Math.abs(v * 100).toFixed(1)}`;
  const lines = [say(top.beforeRate === null ? 'alert_split_top_new' : 'alert_split_top', {
    dimension: splitName(d), part: top.part, rate: pct(top.rate), count: top.count, base: top.base,
    before_rate: pct(top.beforeRate ?? 0), before_count: top.beforeCount, before_base: top.beforeBase, change: pts(top.rate - (top.beforeRate ?? 0)),
  })];
  if (rest.length) {
    const list = rest.map((p) => `${p.part} ${pct(p.rate)} (${p.count})`).join(', ');
    lines.push(say('alert_split_others', { list }));
  }
  return lines;
}

const splitName = (d: DetectorDefinition): Texts => {
  const id = d.split?.dimension ?? '';
  return isDimension(id) ? dimensionNames[id] : { en: id, zh: id };
};
