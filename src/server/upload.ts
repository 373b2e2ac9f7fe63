import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { ImportJobs, JobFile } from '../app/import-jobs.ts';
import { AsterismError } from '../domain/errors.ts';
import { say } from '../domain/messages.ts';
import { checkImportOptions, type ImportOptions } from '../ingest/index.ts';
import { resultsFor } from './language.ts';
import { errorBody, fileResult, importJob } from './schemas.ts';

const uploadForm = z.object({
  files: z.any().openapi({ type: 'array', items: { type: 'string', format: 'binary' }, description: 'report files' }),
  store: z.string().optional(), marketplace: z.string().optional(), from: z.string().optional(), to: z.string().optional(), date: z.string().optional(),
});

const upload = createRoute({
  method: 'post', path: '/api/upload', summary: 'import uploaded report files / 上传并导入报表',
  request: {
    query: z.object({
      async: z.enum(['true', 'false']).optional().openapi({
        param: { name: 'async', in: 'query' },
        description: 'true: answer 202 with the import job as soon as the files are received, and follow it at GET /api/import/jobs/{id}; otherwise answer when all files are imported',
      }),
    }),
    body: { content: { 'multipart/form-data': { schema: uploadForm } }, required: true },
  },
  responses: {
    200: { content: { 'application/json': { schema: z.object({ files: z.array(fileResult) }) } }, description: 'one result per file; a failed file wrote nothing' },
    202: { content: { 'application/json': { schema: importJob } }, description: 'async=true: the import job, queued; its address is in the Location header' },
    400: { content: { 'application/json': { schema: errorBody } }, description: 'no files, or bad options' },
  },
});

/** Files dropped on the dashboard: written to a temporary folder under their own names (the import log
 * names them), imported exactly as `asterism import` would, one import at a time, then removed. */
export function registerUpload(app: OpenAPIHono, jobs: ImportJobs): void {
  app.openapi(upload, async (c) => {
    const form = await c.req.parseBody({ all: true });
    const files = [form.files ?? form['files[]'] ?? []].flat().filter((f): f is File => f instanceof File);
    if (files.length === 0) throw new AsterismError('bad_request', say('no_upload_files'));
    const option = (key: string) => (typeof form[key] === 'string' && form[key] !== '' ? { [key]: form[key] } : {});
    const options: ImportOptions = { ...option('store'), ...option('marketplace'), ...option('from'), ...option('to'), ...option('date') };
    checkImportOptions(options); // bad options fail every file: a 400 now, not a failed job later
    const dir = await mkdtemp(join(tmpdir(), 'asterism-upload-'));
    const removeDir = () => rm(dir, { recursive: true, force: true });
    let received: JobFile[];
    try {
      received = await saveFiles(dir, files);
    } catch (e) {
      await removeDir();
      throw e;
    }
    const job = jobs.start(received, options, removeDir);
    if (c.req.valid('query').async === 'true') {
      c.header('Location', `/api/import/jobs/${job.id}`);
      return c.json(job, 202);
    }
    return c.json({ files: resultsFor(c, await jobs.results(job.id)) }, 200);
  });
}

/** One folder per file: two dropped files may share a name. */
async function saveFiles(dir: string, files: readonly File[]): Promise<JobFile[]> {
  const saved: JobFile[] = [];
  for (const [i, file] of files.entries()) {
    await mkdir(join(dir, String(i)));
    const path = join(dir, String(i), basename(file.name) || `upload-${i}`);
    await writeFile(path, new Uint8Array(await file.arrayBuffer()));
    // answer with the names the user dropped, not the temporary paths
    saved.push({ path, name: file.name, bytes: file.size });
  }
  return saved;
}
