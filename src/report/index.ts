/** Review documents (SPEC §5 reports): the data shape, the layout as data, and pure renderers. */
export type { ReportData, ReportKind, Lang } from './report-data.ts';
export { buildDocument } from './build-document.ts';
export { headlineMetrics } from './section-sales.ts';
export { sections } from './sections.ts';
export { comparisonPeriods, comparisonsOf, defaultPeriodText, reportPeriod } from './report-periods.ts';
export { renderReport, reportFileName } from './render.ts';
export { contentTypes, reportFormats, type ReportFormat } from './report-formats.ts';
