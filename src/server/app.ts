import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AsterismApi } from '../app/asterism-api.ts';
import { ImportJobs } from '../app/import-jobs.ts';
import { operations, type OperationName } from '../app/operations.ts';
import { checkImportOptions } from '../ingest/index.ts';
import { errorAnswer } from './errors.ts';
import { requestLang, resultsFor } from './language.ts';
import { registerImportJobs } from './import-jobs.ts';
import { registerReportFile } from './report-file.ts';
import { registerTemplates } from './templates.ts';
import { registerUpload } from './upload.ts';
import { errorBody, fileResult, fxRate, importByPath, metricListing, queryAnswer, queryParams, sourceEntry } from './schemas.ts';

const json = <T extends z.ZodType>(schema: T, description: string) => ({ content: { 'application/json': { schema } }, description });

const health = createRoute({ method: 'get', path: '/api/health', responses: { 200: json(z.object({ ok: z.boolean() }), 'the database is open') } });
const metrics = createRoute({ method: 'get', path: '/api/metrics', responses: { 200: json(z.object({ metrics: z.array(metricListing) }), 'the metric catalog') } });
const query = createRoute({
  method: 'get', path: '/api/query', request: { query: queryParams },
  responses: { 200: json(queryAnswer, 'metric values by the requested dimensions'), 400: json(errorBody, 'a bad metric, dimension, date or filter') },
});


const importFiles = createRoute({
  method: 'post', path: '/api/import', request: { body: { content: { 'application/json': { schema: importByPath } }, required: true } },
  responses: { 200: json(z.object({ files: z.array(fileResult) }), 'one result per file; a failed file wrote nothing'), 400: json(errorBody, 'bad options') },
});
const sources = createRoute({ method: 'get', path: '/api/sources', responses: { 200: json(z.object({ sources: z.array(sourceEntry) }), 'what was imported') } });

const fxList = createRoute({ method: 'get', path: '/api/fx', responses: { 200: json(z.object({ rates: z.array(fxRate) }), 'the dated FX table') } });
const fxSet = createRoute({
  method: 'put', path: '/api/fx', request: { body: { content: { 'application/json': { schema: z.object({ rates: z.array(fxRate).min(1) }) } }, required: true } },
  responses: { 200: json(z.object({ rates: z.array(fxRate) }), 'the FX table after the change'), 400: json(errorBody, 'a bad rate, date or currency') },
});

/** The HTTP API: thin handlers that parse, call the same functions the CLI calls, and answer. */
export function createApi(asterism: AsterismApi): OpenAPIHono {
  const app = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (!result.success) {
        const issue = result.error.issues[0];
        const where = issue?.path.join('.') || 'request';
        return c.json({ error: { code: 'bad_request', message: `${where}: ${issue?.message ?? 'invalid'}` } }, 400);
      }
      return undefined;
    },
  });
  app.onError((e, c) => {
    const { status, body } = errorAnswer(e, requestLang(c));
    return c.json(body, status);
  });
  // imports by path and by upload take turns: one writer, one connection
  const jobs = new ImportJobs(asterism);
  app.openapi(health, (c) => c.json({ ok: true }, 200));
  app.openapi(metrics, async (c) => c.json({ metrics: await asterism.metrics() }, 200));
  app.openapi(query, async (c) => {
    const q = c.req.valid('query');
    const result = await asterism.query({
      metrics: q.metric, ...(q.by ? { by: q.by } : {}),
      ...(q.from ? { from: q.from } : {}), ...(q.to ? { to: q.to } : {}), ...(q.store ? { store: q.store } : {}),
      ...(q.marketplace ? { marketplace: q.marketplace } : {}), ...(q.asin ? { asin: q.asin } : {}),
      ...(q.sku ? { sku: q.sku } : {}), ...(q.currency ? { currency: q.currency } : {}), ...(q.compare ? { compare: q.compare } : {}), ...(q.basis ? { basis: q.basis } : {}),
    });
    return c.json(result, 200);
  });
  app.openapi(importFiles, async (c) => {
    const { files, ...options } = c.req.valid('json');
    checkImportOptions(options);
    const job = jobs.start(files.map((path) => ({ path, name: path, bytes: 0 })), options);
    return c.json({ files: resultsFor(c, await jobs.results(job.id)) }, 200);
  });
  app.openapi(sources, async (c) => c.json({ sources: await asterism.sources() }, 200));
  app.openapi(fxList, async (c) => c.json({ rates: await asterism.fxRates() }, 200));
  app.openapi(fxSet, async (c) => {
    await asterism.setFxRates(c.req.valid('json').rates);
    return c.json({ rates: await asterism.fxRates() }, 200);
  });
  for (const [name, op] of Object.entries(operations) as [OperationName, (typeof operations)[OperationName]][]) {
    const input = op.input as z.ZodType;
    const route = createRoute({
      method: op.method, path: op.path, summary: op.summary,
      request: op.method === 'get' ? {} : { body: { content: { 'application/json': { schema: input } }, required: true } },
      responses: { 200: json(z.record(z.string(), z.unknown()), op.summary), 400: json(errorBody, 'bad input') },
    });
    app.openapi(route, async (c) => {
      const body: unknown = op.method === 'get' ? Object.fromEntries(Object.entries(c.req.queries()).map(([k, v]) => [k, v.length === 1 ? v[0] : v])) : await c.req.json();
      return c.json((await asterism.run(name, body as never)) as Record<string, unknown>, 200);
    });
  }
  registerUpload(app, jobs);
  registerImportJobs(app, jobs);
  registerReportFile(app, asterism);
  registerTemplates(app);
  app.doc31('/api/openapi.json', { openapi: '3.1.0', info: { title: 'Asterism API', version: '0.1.0', description: 'Asterism (联星): the operations cockpit for Amazon sellers' } });
  return app;
}
