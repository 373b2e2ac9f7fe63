import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { ImportJobs } from '../app/import-jobs.ts';
import { checkImportOptions, type ImportOptions } from '../ingest/index.ts';
import { formatByteSize } from './byte-size.ts';
import { receiveUpload } from './receive-upload.ts';
import { Refusal } from './refusals.ts';
import { resultsFor } from './language.ts';
import { errorBody, fileResult, importJob } from './schemas.ts';
import { uploadFolder } from './upload-folder.ts';

/** The form's text fields passed on to the import as they are (adType: sp|sb|sd for an ambiguous ads file). */
const textOptions = ['store', 'marketplace', 'from', 'to', 'date', 'adType'] as const;

// A plain OpenAPI schema, not a zod one: zod-openapi would then validate the form by reading it whole into memory.
const uploadForm = {
  type: 'object' as const,
  properties: {
    files: { type: 'array' as const, items: { type: 'string' as const, format: 'binary' }, description: 'report files' },
    ...Object.fromEntries(textOptions.map((k) => [k, { type: 'string' as const }])),
    store: { type: 'string' as const, description: 'the store the files belong to; left out: the database\'s one store, and 400 listing the stores when there are none or several' },
    adType: { type: 'string' as const, enum: ['sp', 'sb', 'sd'], description: 'the ad type of an ads report whose content does not tell' },
    replace: { type: 'string' as const, enum: ['true'], description: 'allow an import that replaces rows the new file does not name' },
  },
  required: ['files'],
};

const upload = createRoute({
  method: 'post', path: '/api/upload', operationId: 'uploadFiles', summary: 'import uploaded report files / 上传并导入报表',
  description: 'The files stream to a folder beside the database and are removed once imported; a request larger than the server\'s --max-upload (default 2 GB) is refused with 413 and nothing kept.',
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
    400: { content: { 'application/json': { schema: errorBody } }, description: 'no files, or bad options (a store left out while there are none or several)' },
    413: { content: { 'application/json': { schema: errorBody } }, description: 'larger than --max-upload; nothing was kept' },
  },
});

export interface UploadLimits {
  /** where uploads are written while they import (`<db>.uploads/`) */
  folder: string;
  /** the most bytes one request may send */
  maxBytes: number;
}

/** Files dropped on the dashboard (or sent by the CLI to a running server): streamed to disk under their
 * own names (the import log names them), imported exactly as `asterism import` would, one import at a
 * time, then removed. */
export function registerUpload(app: OpenAPIHono, jobs: ImportJobs, limits: UploadLimits): void {
  app.openapi(upload, async (c) => {
    const declared = Number(c.req.header('content-length'));
    if (declared > limits.maxBytes) throw new Refusal('upload_too_large', { limit: formatByteSize(limits.maxBytes) });
    const body = c.req.raw.body;
    if (!body) throw new Refusal('upload_no_files');
    const { dir, remove } = await uploadFolder(limits.folder);
    let options: ImportOptions;
    let received;
    try {
      received = await receiveUpload(body, c.req.header('content-type') ?? '', dir, limits.maxBytes);
      if (received.files.length === 0) throw new Refusal('upload_no_files');
      options = formOptions(received.fields);
      checkImportOptions(options); // bad options fail every file: a 400 now, not a failed job later
      options = await jobs.withStore(options); // so is a store left out while there are none or several
    } catch (e) {
      await remove();
      throw e;
    }
    const job = jobs.start(received.files, options, remove);
    if (c.req.valid('query').async === 'true') {
      c.header('Location', `/api/import/jobs/${job.id}`);
      return c.json(job, 202);
    }
    return c.json({ files: resultsFor(c, await jobs.results(job.id)) }, 200);
  });
}

/** The import options among the form's fields; `replace` only as the word true. */
function formOptions(fields: ReadonlyMap<string, string>): ImportOptions {
  const options: Record<string, string | boolean> = {};
  for (const key of textOptions) {
    const value = fields.get(key);
    if (value) options[key] = value;
  }
  if (fields.get('replace') === 'true') options.replace = true;
  return options as ImportOptions;
}
