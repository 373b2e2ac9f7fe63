import { AsterismError } from '../domain/errors.ts';
import type { ReportDocument } from '../report/document.ts';
import { renderHtml } from '../report/html.ts';
import { renderMarkdown } from '../report/markdown.ts';
import type { Lang } from '../report/report-data.ts';

/** A price explanation in the review documents' formats: Markdown and HTML as text, PDF (Chromium) and XLSX as bytes. */
export async function renderExplained(doc: ReportDocument, format: string, lang: Lang): Promise<string | Buffer> {
  switch (format) {
    case 'md': return renderMarkdown(doc);
    case 'html': return renderHtml(doc);
    case 'pdf': return (await import('../report/pdf.ts')).printPdf(renderHtml(doc), lang);
    case 'xlsx': return (await import('../report/xlsx.ts')).renderXlsx(doc);
    default: throw new AsterismError('bad_request', { en: `--format ${format}: one of md, html, pdf, xlsx`, zh: `--format ${format}：可选 md、html、pdf、xlsx` });
  }
}
