import type { Lang } from './report-data.ts';

/**
 * A rendered-to-be document: sections of tables whose cells carry their value, format and tone.
 * HTML, Markdown and XLSX all render this one model, so the formats cannot disagree on a number.
 */
export type CellFormat = 'text' | 'int' | 'money' | 'pct1' | 'pct2' | 'dec1' | 'dec2' | 'pct_change' | 'pt_change' | 'num_change';
/** good or bad for the seller, by the metric's direction; flat: no change or a neutral metric */
export type Tone = 'good' | 'bad' | 'flat';

export interface Cell {
  /** null: unknown (shown as "—", never 0) */
  v: string | number | null;
  f: CellFormat;
  /** money cells: the currency their number is in */
  currency?: string | null;
  tone?: Tone;
}

export interface Table {
  title: string | null;
  columns: string[];
  rows: Cell[][];
}

/** A chart for the HTML and PDF: an ECharts option rendered to inline SVG on the server. */
export interface Chart {
  title: string;
  width: number;
  height: number;
  option: Record<string, unknown>;
}

export interface DocumentSection {
  id: string;
  title: string;
  tables: Table[];
  charts: Chart[];
  notes: string[];
  /** shown when there is nothing to list */
  empty: string | null;
}

export interface ReportDocument {
  lang: Lang;
  title: string;
  /** period, scope, comparisons, generated at */
  meta: { label: string; value: string }[];
  sections: DocumentSection[];
  problems: string[];
}

export const text = (v: string | null | undefined): Cell => ({ v: v ?? null, f: 'text' });
export const num = (v: number | null | undefined, f: CellFormat = 'int'): Cell => ({ v: v ?? null, f });
export const money = (v: number | null | undefined, currency: string | null): Cell => ({ v: v ?? null, f: 'money', currency });
