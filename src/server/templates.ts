import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { masterDataKinds, masterDataTemplate, type MasterKind } from '../ingest/index.ts';

const templateRoute = createRoute({
  method: 'get', path: '/api/templates/{kind}', operationId: 'getTemplate', summary: 'a master-data template (KPI targets, products, costs …) as CSV / 主数据模板',
  request: {
    params: z.object({ kind: z.enum(masterDataKinds as unknown as [MasterKind, ...MasterKind[]]).openapi({ param: { name: 'kind', in: 'path' }, example: 'targets' }) }),
    query: z.object({ lang: z.enum(['zh', 'en']).default('zh').openapi({ param: { name: 'lang', in: 'query' } }) }),
  },
  responses: { 200: { content: { 'text/csv': { schema: z.string() } }, description: 'the header in the chosen language and one example row (UTF-8 with BOM, opens in Excel)' } },
});

/** The same file `asterism template KIND --lang zh|en` writes, as a download (the KPI page links to the targets one). */
export function registerTemplates(app: OpenAPIHono): void {
  app.openapi(templateRoute, (c) => {
    const { kind } = c.req.valid('param');
    const { lang } = c.req.valid('query');
    return c.body(masterDataTemplate(kind, lang), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="asterism-${kind}-template-${lang}.csv"`,
    });
  });
}
