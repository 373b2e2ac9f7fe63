/** Review documents (SPEC §5 reports): the data shape, the layout as data, and pure renderers. */
export type { ReportData, ReportKind, Lang } from './report-data.ts';
export { buildDocument } from './build-document.ts';
export { headlineMetrics } from './section-sales.ts';
export { sections } from './sections.ts';
export { comparisonPeriods, comparisonsOf, defaultPeriodText, reportPeriod } from './report-periods.ts';
export { contentTypes, renderReport, reportFileName, reportFormats, type ReportFormat } from './render.ts';
