import { metricById } from '../metrics/catalog.ts';
import { pointChange, relativeChange } from '../metrics/compare.ts';
import type { Cell, CellFormat, Tone } from './document.ts';
import { money, num, text } from './document.ts';
import { labels, t } from './labels.ts';
import type { Lang } from './report-data.ts';

/** A catalog metric's value as a cell, in the catalog's format (money with its currency). */
export function metricCell(id: string, value: number | null, currency: string | null): Cell {
  const m = metricById.get(id);
  if (!m) return num(value, 'dec2');
  if (m.unit === 'money') return money(value, currency);
  return num(value, m.format as CellFormat);
}

export function metricName(id: string, lang: Lang): string {
  const m = metricById.get(id);
  return m ? m[lang] : id;
}

/** Good or bad by the metric's direction: more ad spend is bad, more sales good; neutral metrics are flat. */
export function toneOf(id: string, change: number | null): Tone | undefined {
  if (change === null) return undefined;
  const direction = metricById.get(id)?.direction ?? 'neutral';
  if (change === 0 || direction === 'neutral') return 'flat';
  return (change > 0) === (direction === 'higher') ? 'good' : 'bad';
}

/**
 * The change from `before` to `now`: rates move in percentage points (2.0% → 2.5% is +0.5 pt),
 * scores (rating, ROAS) by their difference, counts and money relative to before. Null when either is unknown
 * or a relative change has nothing to divide by.
 */
export function changeCell(id: string, now: number | null, before: number | null): Cell {
  const unit = metricById.get(id)?.unit;
  // rates to 0.0001 pt, scores to 0.01, relative changes to 0.01 %: what the cells show
  const [change, f, digits]: [number | null, CellFormat, number] = unit === 'ratio' ? [pointChange(now, before), 'pt_change', 6]
    : unit === 'score' ? [pointChange(now, before), 'num_change', 2]
    : [relativeChange(now, before), 'pct_change', 4];
  if (change === null) return num(null, 'pct_change');
  const v = roundTo(change, digits);
  const cell: Cell = { v, f };
  const tone = toneOf(id, v);
  return tone ? { ...cell, tone } : cell;
}

const roundTo = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

export const statusCell = (status: string, lang: Lang): Cell => {
  const tone: Tone | undefined = ({ low: 'bad', behind: 'bad', warning: 'bad', critical: 'bad', ok: 'flat', on_track: 'flat', ahead: 'good', high: 'good' } as Record<string, Tone>)[status];
  const label = labels.status[status];
  return { ...text(label ? t(label, lang) : status), ...(tone ? { tone } : {}) };
};

export const yesNo = (v: boolean, lang: Lang): Cell => text(t(v ? labels.yes : labels.no, lang));
