import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AsterismApi } from '../app/asterism-api.ts';
import type { ReportData } from '../report/report-data.ts';
import { contentTypes, reportFormats } from '../report/report-formats.ts';
import { errorBody } from './schemas.ts';
import type { Context } from 'hono';
import { blankReview } from '../app/column-scope.ts';
import { ownScorecards } from '../app/team-scope.ts';
import { principal, scopedInput } from './access.ts';
import { deny, type AuthVariables } from './auth.ts';

const params = z.object({
  kind: z.enum(['daily', 'weekly', 'monthly']), period: z.string().optional(), owner: z.string().optional(),
  store: z.string().optional(), marketplace: z.string().optional(), currency: z.string().optional(),
  format: z.enum(reportFormats).default('html'), lang: z.enum(['zh', 'en']).default('zh'),
  /** inline: shown in the browser (preview); otherwise downloaded */
  inline: z.enum(['true', 'false']).optional(),
});

/** what a review is asked by: the row scope fills these in */
const reportKeys: ReadonlySet<string> = new Set(['kind', 'period', 'owner', 'store', 'marketplace', 'currency']);

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
    const { format, lang, inline, ...asked } = c.req.valid('query');
    // the user's review (issue 20): narrowed to their stores and products as GET /api/report is, cost and profit
    // figures blank without the cost right, other people's KPIs left out for all but the owner and managers
    const who = principal(c);
    const scoped = scopedInput(who, 'report', reportKeys, asked);
    if ('refused' in scoped) {
      return deny(c as unknown as Context<{ Variables: AuthVariables }>, 403, 'forbidden', scoped.outside ? 'scope_may_not' : 'scope_not_served', { ...scoped.refused, user: who?.name ?? '' });
    }
    const answer = (await asterism.run('report', scoped.input as never)) as ReportData;
    const data = who ? (ownScorecards('report', blankReview(answer, who), who) as ReportData) : answer;
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
