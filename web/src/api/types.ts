import type { z } from 'zod';
import type { OperationInput, OperationOutput } from '../../../src/server/operation-types.ts';
import type { fileResult, fxRate, importJob, metricListing, queryAnswer, sourceEntry } from '../../../src/server/schemas.ts';

/** The API's answers, typed from the server's own zod shapes and operation table (types only: nothing of the server is bundled). */
export type Metric = z.infer<typeof metricListing>;
export type QueryAnswer = z.infer<typeof queryAnswer>;
export type QueryRow = QueryAnswer['rows'][number];
export type Source = z.infer<typeof sourceEntry>;
/** One import as `asterism imports list --json` lists it, and what undoing one answers. */
export type ImportEntry = OperationOutput<'imports_list'>['imports'][number];
export type ImportUndone = OperationOutput<'imports_undo'>;
/** the funnel's rows with the server's notes (`no_data` when empty) */
export type FunnelAnswer = OperationOutput<'funnel'>;
/** One uploaded file's result, as `asterism import --json` answers it. */
export type UploadResult = z.infer<typeof fileResult>;
/** An upload's import on the server: per-file bytes, rows and MB/s, then the results. */
export type ImportJob = z.infer<typeof importJob>;
export type FunnelRow = OperationOutput<'funnel'>['rows'][number];
export type FunnelStage = FunnelRow['stages'][number];
export type DiagnoseAnswer = OperationOutput<'diagnose'>;
export type Finding = DiagnoseAnswer['findings'][number];
export type EventRecord = OperationOutput<'events_list'>['events'][number];
export type ProfitAnswer = OperationOutput<'profit'>;
export type ProfitRow = ProfitAnswer['rows'][number];
/** Every channel side by side with its share of sales and profit (issue 23). */
export type ChannelsAnswer = OperationOutput<'channels'>;
export type ChannelRow = ChannelsAnswer['rows'][number];
export type CostInput = OperationInput<'costs_set'>;
export type CostRecord = OperationOutput<'costs_set'>['cost'];
export type PriceSuggestion = OperationOutput<'price_list'>['suggestions'][number];
export type RestockAnswer = OperationOutput<'restock'>;
export type Product = OperationOutput<'products_list'>['products'][number];
export type KpiStatusAnswer = OperationOutput<'kpi_status'>;
export type KpiRow = KpiStatusAnswer['rows'][number];
export type SpecialPeriod = OperationOutput<'kpi_periods_list'>['periods'][number];
export type BenchmarkOverride = OperationOutput<'benchmarks_list'>['overrides'][number];
export type FxRate = z.infer<typeof fxRate>;

/** GET /api/alerts (issue 19): the alerts, newest first, and the channels whose messages wait after an error. */
export interface AlertItem {
  id: number;
  detector: string | null;
  rule_id: number | null;
  scope: Record<string, string>;
  owner: string | null;
  severity: string;
  state: 'open' | 'resolved';
  message: { en: string; zh: string };
  link: string | null;
  as_of: string;
  resolved_as_of: string | null;
  snoozed_until: string | null;
  acknowledged_at: string | null;
}

export interface AlertsAnswer {
  alerts: AlertItem[];
  /** `error` as the channel answered (kept for the log), `message` what it means in each language */
  failing: { channel: string; error: string; waiting: number; message: { en: string; zh: string } }[];
}

/** POST /api/alerts/rules: a rule on a catalog metric, in any scope of the KPI targets' shape */
export interface AlertRuleInput {
  metric: string;
  op: 'gt' | 'lt';
  value: string;
  change?: 'wow' | 'mom' | 'yoy';
  store?: string;
  marketplace?: string;
  asin?: string;
  parent_asin?: string;
  sku?: string;
  product_line?: string;
  tier?: string;
  owner?: string;
  channel?: string;
}

export interface AlertRule {
  id: number;
  detector: string | null;
  metric: string | null;
  op: 'gt' | 'lt' | null;
  value: number | null;
  change: 'wow' | 'mom' | 'yoy' | null;
  store: string | null;
  marketplace: string | null;
  asin: string | null;
  parent_asin: string | null;
  sku: string | null;
  product_line: string | null;
  tier: string | null;
  owner: string | null;
  channel: string | null;
  enabled: boolean;
}

export interface AlertChannel {
  name: string;
  type: string;
  owner: string | null;
  role: string | null;
  is_default: boolean;
  lang: 'zh' | 'en';
  time_zone: string;
  quiet_hours: string | null;
}
