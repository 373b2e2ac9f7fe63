/** The pure analysis layer (SPEC §4): funnel, benchmarks, diagnosis and comparisons. No SQL, no I/O. */
export { defaultBenchmarks, marketplaceGroups, tiers, type BenchmarkRow, type MarketplaceGroup, type Text, type Tier } from './benchmark-table.ts';
export { benchmarkFor, judge, marketplaceGroup, type Benchmark, type BenchmarkContext, type BenchmarkOverride, type Status } from './benchmarks.ts';
export { daysSinceFirstSale, firstMonthDays, inFirst30Days, lifecycleTier, newListingDays, type LifecycleFacts } from './lifecycle.ts';
export { adsOnlyStages, searchStages, stageLabels, stageMetrics, stageNames, type FunnelSource, type StageMetrics, type StageName } from './funnel-stages.ts';
export { buildFunnel, type DetailPage, type FunnelInput, type FunnelOptions, type FunnelRow, type FunnelStage } from './funnel.ts';
export { diagnosisRules, type DiagnosisRule } from './diagnosis-rules.ts';
export { criticalShareOfLow, diagnose, firstMonthStages, severityOf, type DiagnoseContext, type Finding, type Severity } from './diagnose.ts';
export { eventsInWindow, type ConfounderEvent, type DateWindow, type EventScope } from './events.ts';
export { notes, type Note, type NoteCode } from './messages.ts';
export { ratio, round4 } from './ratio.ts';
export { decomposeSalesChange, type SalesChange, type SalesFactors, type SalesFacts } from './sales-change.ts';
export { adsVsOrganic, adsVsOrganicChange, type AdSalesFacts, type AdsOrganicChange, type AdsVsOrganic } from './ads-organic.ts';
export { previousPeriod, type Comparison } from './periods.ts';
