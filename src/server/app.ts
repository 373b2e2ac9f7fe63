import { HTTPException } from 'hono/http-exception';
import { say } from '../domain/messages.ts';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AsterismApi } from '../app/asterism-api.ts';
import { ImportJobs } from '../app/import-jobs.ts';
import { invalidInput } from '../app/invalid-input.ts';
import { LocalAsterism } from '../app/local.ts';
import { operations, rowScopedOperations, type OperationName } from '../app/operations.ts';
import { AsterismError } from '../domain/errors.ts';
import { checkImportOptions } from '../ingest/index.ts';
import { AllowedHosts } from './allowed-hosts.ts';
import { authenticate, deny, registerAuthRoutes, type AuthOptions, type AuthVariables } from './auth.ts';
import { authorize, principal, rowScope, scopedInput } from './access.ts';
import { blankSensitive, hideSensitive } from '../app/column-scope.ts';
import { costChangeWithinRights } from '../app/cost-rights.ts';
import { ownScorecards } from '../app/team-scope.ts';
import { securityHeaders } from './security-headers.ts';
import type { Context } from 'hono';
import { defaultMaxUpload } from './byte-size.ts';
import { errorAnswer } from './errors.ts';
import { importablePath } from './import-dirs.ts';
import { requestLang, resultsFor } from './language.ts';
import { registerImportJobs } from './import-jobs.ts';
import { registerOpenApiDoc } from './openapi-doc.ts';
import { userCount } from '../store/users.ts';
import { ownPagesOnly } from './own-pages.ts';
import { Refusal, refusalAnswer } from './refusals.ts';
import { registerReportFile } from './report-file.ts';
import { registerImageProxy } from './image-route.ts';
import { registerTemplates } from './templates.ts';
import { uploadFolderOf } from './upload-folder.ts';
import { registerUpload, type UploadLimits } from './upload.ts';
import { errorBody, fileResult, fxRate, importByPath, metricListing, queryAnswer, queryParams, sourceEntry } from './schemas.ts';

/** `kpi_targets_set` → `kpiTargetsSet`: the operations table's names, as generated clients name their methods. */
const operationIdOf = (name: string): string => name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

const json = <T extends z.ZodType>(schema: T, description: string) => ({ content: { 'application/json': { schema } }, description });

const health = createRoute({ method: 'get', path: '/api/health', operationId: 'health', summary: 'whether the server and its database answer / 健康检查', responses: { 200: json(z.object({ ok: z.boolean() }), 'the database is open') } });
const metrics = createRoute({ method: 'get', path: '/api/metrics', operationId: 'listMetrics', summary: 'the metric catalog / 指标目录', responses: { 200: json(z.object({ metrics: z.array(metricListing) }), 'the metric catalog') } });
const query = createRoute({
  method: 'get', path: '/api/query', operationId: 'query', summary: 'metrics by dimensions, filters and period / 指标查询', request: { query: queryParams },
  responses: { 200: json(queryAnswer, 'metric values by the requested dimensions'), 400: json(errorBody, 'a bad metric, dimension, date or filter') },
});


const importFiles = createRoute({
  method: 'post', path: '/api/import', operationId: 'importFiles', summary: 'import report files on the server by path / 按路径导入报表', request: { body: { content: { 'application/json': { schema: importByPath } }, required: true } },
  description: 'Reads files on the server\'s machine, only under the folders given to `asterism serve --import-dir` (none by default: upload instead).',
  responses: {
    200: json(z.object({ files: z.array(fileResult) }), 'one result per file; a failed file wrote nothing'), 400: json(errorBody, 'bad options'),
    403: json(errorBody, 'by-path imports are off, or a file is not a regular file under the --import-dir folders; nothing was imported'),
  },
});
const sources = createRoute({ method: 'get', path: '/api/sources', operationId: 'listSources', summary: 'what was imported, per report type / 已导入的数据', responses: { 200: json(z.object({ sources: z.array(sourceEntry) }), 'what was imported') } });

const fxList = createRoute({ method: 'get', path: '/api/fx', operationId: 'listFxRates', summary: 'the dated FX table / 汇率表', responses: { 200: json(z.object({ rates: z.array(fxRate) }), 'the dated FX table') } });
const fxSet = createRoute({
  method: 'put', path: '/api/fx', operationId: 'setFxRates', summary: 'set FX rates / 设置汇率', request: { body: { content: { 'application/json': { schema: z.object({ rates: z.array(fxRate).min(1) }) } }, required: true } },
  responses: { 200: json(z.object({ rates: z.array(fxRate) }), 'the FX table after the change'), 400: json(errorBody, 'a bad rate, date or currency') },
});

/** What the server trusts: the names it answers to, the folders it may read by path, the upload bounds. */
export interface ApiOptions {
  /** default: loopback names at any port (in-process use, tests) */
  hosts?: AllowedHosts;
  /** `--import-dir` folders; none (default): every by-path import is refused */
  importDirs?: readonly string[];
  /** default: `<db>.uploads/`, 2 GB */
  uploads?: Partial<UploadLimits>;
  /** sign-in (issue 20): the CLI's local token, TLS; on whenever the API runs on a database in this process */
  auth?: AuthOptions;
}

/** Operations whose `user` field says who did it (the lock's or the price decision's signer). */
const signedActions = new Set(['kpi_lock', 'kpi_unlock', 'price_suggest', 'price_approve', 'price_reject', 'price_export',
  'ads_terms', 'ads_negatives', 'ads_bids', 'ads_budgets', 'ads_approve', 'ads_reject', 'ads_targets_set', 'ads_export']);

/** The fields an operation's input takes (a plain object schema; none for anything else). */
const inputKeys = (schema: z.ZodType): ReadonlySet<string> => new Set(schema instanceof z.ZodObject ? Object.keys(schema.shape as object) : []);

/** A request's JSON body; an empty body is an empty object (POST /api/imports/7/undo needs none). */
function jsonBody(text: string): unknown {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AsterismError('bad_request', say('body_not_json'));
  }
}

/** The HTTP API: thin handlers that parse, call the same functions the CLI calls, and answer. */
export function createApi(asterism: AsterismApi, options: ApiOptions = {}): OpenAPIHono {
  const app = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (!result.success) {
        // the field and what it should be, in the caller's language, both texts beside it; @hono/zod-validator hands the
        // hook what was sent as `data` (untyped on a failure), for the message to quote the value
        const { status, body } = errorAnswer(invalidInput(result.error, (result as { data?: unknown }).data), requestLang(c));
        return c.json(body, status);
      }
      return undefined;
    },
  });
  app.onError((e, c) => {
    if (e instanceof Refusal) return refusalAnswer(c, e);
    // Hono's own "Malformed JSON in request body", said as ours in the caller's language
    const error = e instanceof HTTPException && e.status === 400 && /JSON/.test(e.message) ? new AsterismError('bad_request', say('body_not_json')) : e;
    const { status, body } = errorAnswer(error, requestLang(c));
    return c.json(body, status);
  });
  app.use('*', securityHeaders(options.auth?.secure === true));
  app.use('*', ownPagesOnly(options.hosts ?? AllowedHosts.inProcess()));
  // who asks, and whether they may (a server on a database in this process; a remote one checks for itself)
  if (asterism instanceof LocalAsterism) {
    const db = asterism.db;
    app.use('*', authenticate(db, options.auth ?? {}) as never);
    app.use('*', authorize(db) as never);
    registerAuthRoutes(app as never, db, options.auth ?? {});
  }
  const importDirs = options.importDirs ?? [];
  const uploads: UploadLimits = {
    folder: options.uploads?.folder ?? uploadFolderOf(asterism instanceof LocalAsterism ? asterism.db.path : undefined),
    maxBytes: options.uploads?.maxBytes ?? defaultMaxUpload,
  };
  // imports by path and by upload take turns: one writer, one connection
  const jobs = new ImportJobs(asterism);
  app.openapi(health, (c) => c.json({ ok: true }, 200));
  app.openapi(metrics, async (c) => c.json({ metrics: await asterism.metrics() }, 200));
  app.openapi(query, async (c) => {
    const q = c.req.valid('query');
    const who = principal(c);
    const scope = rowScope(who);
    const result = await asterism.query({
      ...(scope ? { scope } : {}),
      metrics: q.metric, ...(q.by ? { by: q.by } : {}),
      ...(q.from ? { from: q.from } : {}), ...(q.to ? { to: q.to } : {}), ...(q.store ? { store: q.store } : {}),
      ...(q.marketplace ? { marketplace: q.marketplace } : {}), ...(q.asin ? { asin: q.asin } : {}),
      ...(q.sku ? { sku: q.sku } : {}), ...(q.currency ? { currency: q.currency } : {}), ...(q.compare ? { compare: q.compare } : {}), ...(q.basis ? { basis: q.basis } : {}),
      ...(q.lineage === 'true' ? { lineage: true } : {}),
    });
    return c.json(who ? hideSensitive(result, q.metric, who) : result, 200);
  });
  app.openapi(importFiles, async (c) => {
    const { files, ...asked } = c.req.valid('json');
    checkImportOptions(asked);
    const readable = await Promise.all(files.map((path) => importablePath(path, importDirs)));
    const importOptions = await jobs.withStore(asked);
    const job = jobs.start(files.map((path, i) => ({ path: readable[i] ?? path, name: path, bytes: 0 })), importOptions);
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
    const pathParams = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
    const route = createRoute({
      method: op.method, path: op.path, summary: op.summary, operationId: operationIdOf(name),
      ...('description' in op && typeof op.description === 'string' ? { description: op.description } : {}),
      // a route whose input is in its path (/api/imports/{id}/undo) needs no body: the operation checks path and body together
      request: op.method === 'get' ? {} : pathParams.length > 0 ? { params: z.object(Object.fromEntries(pathParams.map((p) => [p, z.string()]))) }
        : { body: { content: { 'application/json': { schema: input } }, required: true } },
      responses: { 200: json(z.record(z.string(), z.unknown()), op.summary), 400: json(errorBody, 'bad input') },
    });
    app.openapi(route, async (c) => {
      const body: unknown = op.method === 'get' ? Object.fromEntries(Object.entries(c.req.queries()).map(([k, v]) => [k, v.length === 1 ? v[0] : v])) : await jsonBody(await c.req.text());
      // path parameters (/api/imports/{id}/undo) are part of the input too; the user's row scope narrows it
      const who = principal(c);
      const scoped = scopedInput(who, name, inputKeys(input), { ...(body as object), ...c.req.param() }, op.method === 'get');
      if ('refused' in scoped) {
        return deny(c as unknown as Context<{ Variables: AuthVariables }>, 403, 'forbidden', scoped.outside ? 'scope_may_not' : 'scope_not_served', { ...scoped.refused, user: who?.name ?? '' }) as never;
      }
      // a freight-only user (warehouse) changes freight alone: the other fields stay as the cost in force has them
      if (who && name === 'costs_set' && asterism instanceof LocalAsterism) {
        const within = await costChangeWithinRights(asterism.db, who, scoped.input);
        if ('refused' in within) return deny(c as unknown as Context<{ Variables: AuthVariables }>, 403, 'forbidden', within.refused.key, within.refused.params) as never;
        scoped.input = within.input;
      }
      // a decision or a lock is signed by whoever signed in, not by the name a request gives
      if (who && !who.name.endsWith('@cli') && signedActions.has(name) && who.name !== 'local') scoped.input.user = who.name;
      const scope = rowScopedOperations.has(name) ? rowScope(who) : undefined;
      const answer: unknown = await asterism.run(name, scoped.input as never, scope);
      // other people's KPIs and scorecards: only the owner's and managers' to see
      // without the cost right, cost and profit figures are blank; other people's KPIs only the owner's and managers'
      return c.json((who ? ownScorecards(name, blankSensitive(name, answer, who), who) : answer) as Record<string, unknown>, 200);
    });
  }
  registerUpload(app, jobs, uploads);
  registerImportJobs(app, jobs);
  registerReportFile(app, asterism);
  // product images through the server, cached beside the database (none for a remote API: it has no folder here)
  if (asterism instanceof LocalAsterism) registerImageProxy(app, `${asterism.db.path}.images`);
  registerTemplates(app);
  registerOpenApiDoc(app, asterism instanceof LocalAsterism ? async () => (await userCount(asterism.db)) > 0 : undefined);
  return app;
}
