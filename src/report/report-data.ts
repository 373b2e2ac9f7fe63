import type { BaseCoverage } from '../domain/partial-base.ts';
import type { Lineage } from '../metrics/lineage.ts';
import type { Finding, FunnelRow, KpiRow, Scorecard, SalesChange, AdsVsOrganic, GuardFinding } from '../analysis/index.ts';

/**
 * The data of one review document (日报 / 周报 / 月报), as JSON: gathered by the app layer
 * (`report` operation, also over HTTP), rendered here into HTML, PDF, XLSX and Markdown.
 * Unknown numbers are null, never 0; money is a number exact to its currency's minor unit and
 * always stands beside its currency; nothing is added across currencies.
 */
export type ReportKind = 'daily' | 'weekly' | 'monthly';
export type Lang = 'zh' | 'en';
/** day over day, week over week, month over month, year over year */
export type ComparisonId = 'dod' | 'wow' | 'mom' | 'yoy';

export interface DateRange {
  from: string;
  to: string;
}

export interface ReportComparison extends DateRange {
  id: ComparisonId;
}

/** One block of headline numbers: one marketplace (one currency), or all of them converted. */
export interface HeadlineBlock {
  /** the marketplace code, or null for "all marketplaces" (only with a reporting currency) */
  marketplace: string | null;
  currency: string | null;
  /** metric id → value this period, then one value per comparison (same order as `comparisons`) */
  values: Record<string, { value: number | null; previous: (number | null)[] }>;
  /** metric id → cost parts with no data (net profit counts them 0 and names them) */
  missing: Record<string, string[]>;
  /** one per comparison (same order as `comparisons`): metric id → its reports' coverage, for the metrics
   * whose compared period covers fewer of its days than this period does (`partial_base`: not a change) */
  partial_base: Record<string, BaseCoverage>[];
}

export interface AdsOrganicRow extends AdsVsOrganic {
  marketplace: string;
  currency: string | null;
  ad_spend: number | null;
}

export interface ReviewRow {
  marketplace: string;
  reviews: number;
  rating_avg: number | null;
  low_star: number;
  low_star_share: number | null;
}

export interface MoverRow {
  marketplace: string;
  asin: string;
  currency: string | null;
  change: SalesChange;
}

export interface ReportEvent {
  date: string;
  end_date: string;
  type: string;
  asin: string | null;
  marketplace: string | null;
  note: string | null;
  note_zh: string | null;
  origin: string;
}

export interface ReportKpi {
  period: string;
  as_of: string;
  locked: boolean;
  restated: boolean;
  rows: KpiRow[];
  scorecards: { people: Scorecard[]; roles: Scorecard[] };
  findings: GuardFinding[];
  /** why each KPI behind its pace missed: the explanation's sentences (traffic × conversion × price, stock-outs, ads vs organic, findings, events) */
  explanations: { kpi: string; owner: string | null; scope: Record<string, string>; text: { zh: string[]; en: string[] } }[];
}

export interface ReportData {
  kind: ReportKind;
  period: DateRange & { label: string };
  /** where the headline numbers came from, per report type (the document's data notes) */
  lineage: Lineage[];
  /** how the period was chosen when none was asked for (the weekly review's week follows the data), in zh and en */
  period_note: { zh: string; en: string } | null;
  comparisons: ReportComparison[];
  scope: { store: string | null; marketplace: string | null; owner: string | null; currency: string | null };
  /** the owner's ASINs (daily report) */
  asins: string[] | null;
  generated_at: string;
  headline: HeadlineBlock[];
  /** the date net profit is counted by (order date, or posted: the cash view) */
  profit_basis: 'order' | 'posted';
  /** the funnel per marketplace (per owner × marketplace in a daily report) */
  funnel: FunnelRow[];
  ads_organic: AdsOrganicRow[];
  returns: {
    reasons: { marketplace: string; reason: string | null; units: number; returns: number }[];
    items: { date: string; marketplace: string; asin: string | null; sku: string | null; units: number; reason: string | null; disposition: string | null; comment: string | null }[];
    /** per marketplace, returns matched to their orders ÷ units of those orders */
    rates: { marketplace: string; return_rate: number | null; returned_units: number | null }[];
  };
  reviews: {
    summary: ReviewRow[];
    low_star: { date: string; marketplace: string; asin: string; rating: number; title: string | null; body: string | null }[];
  };
  /** null: no targets for this period */
  kpi: ReportKpi | null;
  movers: MoverRow[];
  findings: Finding[];
  /** findings in all: the document lists the most severe first, up to a limit */
  findings_total: number;
  events: ReportEvent[];
  /** what the data could not answer, in plain words, in English and Chinese */
  problems: { en: string; zh: string }[];
}
