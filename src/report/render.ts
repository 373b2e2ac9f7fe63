import { buildDocument } from './build-document.ts';
import { renderHtml } from './html.ts';
import { renderMarkdown } from './markdown.ts';
import type { Lang, ReportData } from './report-data.ts';

import type { ReportFormat } from './report-formats.ts';

/** A report's data in one format and language: the bytes of the file. */
export async function renderReport(data: ReportData, format: ReportFormat, lang: Lang): Promise<Buffer> {
  const doc = buildDocument(data, lang);
  switch (format) {
    case 'html': return Buffer.from(renderHtml(doc), 'utf8');
    case 'md': return Buffer.from(renderMarkdown(doc), 'utf8');
    // exceljs and playwright load only for the format that needs them (a review's start-up, issue 16)
    case 'xlsx': return (await import('./xlsx.ts')).renderXlsx(doc);
    case 'pdf': return (await import('./pdf.ts')).printPdf(renderHtml(doc), lang);
  }
}

/** The file name a report downloads as: asterism-weekly-2026-W42-en.pdf */
export const reportFileName = (data: ReportData, format: ReportFormat, lang: Lang): string =>
  `asterism-${data.kind}-${data.period.label}${data.scope.owner ? `-${data.scope.owner.replace(/[^\w\u4e00-\u9fff-]+/g, '_')}` : ''}-${lang}.${format}`;
