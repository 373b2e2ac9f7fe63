import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { ImportJobs } from '../app/import-jobs.ts';
import { requestLang } from './language.ts';
import { resultIn } from '../ingest/index.ts';
import { errorBody, importJob } from './schemas.ts';

const jobRoute = createRoute({
  method: 'get', path: '/api/import/jobs/{id}', operationId: 'getImportJob', summary: 'an upload\'s import progress and results / 导入进度',
  description: 'Poll while state is queued or importing (the dashboard asks every half second). Jobs live in the server\'s memory: kept 15 minutes after they end, gone after a restart.',
  request: { params: z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, description: 'the id POST /api/upload?async=true answered' }) }) },
  responses: {
    200: { content: { 'application/json': { schema: importJob } }, description: 'the job: state, per-file bytes, rows and MB/s, results once done' },
    404: { content: { 'application/json': { schema: errorBody } }, description: 'no such job (never was, expired, or the server restarted)' },
  },
});

export function registerImportJobs(app: OpenAPIHono, jobs: ImportJobs): void {
  app.openapi(jobRoute, (c) => {
    const job = jobs.get(c.req.valid('param').id);
    const lang = requestLang(c);
    // results in the language the dashboard asks for (Accept-Language)
    return c.json({
      ...job, files: job.files.map((f) => ({ ...f, result: f.result && resultIn(f.result, lang) })), results: job.results && job.results.map((r) => resultIn(r, lang)),
    }, 200);
  });
}
