import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AsterismApi } from '../app/asterism-api.ts';
import type { ReportData } from '../report/report-data.ts';
import { contentTypes, reportFormats } from '../report/report-formats.ts';
import { errorBody } from './schemas.ts';

const params = z.object({
  kind: z.enum(['daily', 'weekly', 'monthly']), period: z.string().optional(), owner: z.string().optional(),
  store: z.string().optional(), marketplace: z.string().optional(), currency: z.string().optional(),
  format: z.enum(reportFormats).default('html'), lang: z.enum(['zh', 'en']).default('zh'),
  /** inline: shown in the browser (preview); otherwise downloaded */
  inline: z.enum(['true', 'false']).optional(),
});

const route = createRoute({
  method: 'get', path: '/api/report/file', operationId: 'getReportFile', summary: 'a rendered review document to download / 下载日报、周报、月报',
  request: { query: params },
  responses: {
    200: { content: { 'application/octet-stream': { schema: z.any().openapi({ type: 'string', format: 'binary' }) } }, description: 'the file: HTML, PDF, XLSX or Markdown' },
    400: { content: { 'application/json': { schema: errorBody } }, description: 'a bad kind, period, owner or format' },
  },
});

/** The Reports page's download: the same data as GET /api/report, rendered on the server as the CLI renders it. */
export function registerReportFile(app: OpenAPIHono, asterism: AsterismApi): void {
  app.openapi(route, async (c) => {
    const { format, lang, inline, ...request } = c.req.valid('query');
    const data = (await asterism.run('report', request as never)) as ReportData;
    // loaded on the first download, not when the server starts
    const { renderReport, reportFileName } = await import('../report/render.ts');
    const bytes = await renderReport(data, format, lang);
    const name = reportFileName(data, format, lang);
    return c.body(new Uint8Array(bytes), 200, {
      'content-type': contentTypes[format],
      'content-disposition': `${inline === 'true' ? 'inline' : 'attachment'}; filename="${name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    });
  });
}
