import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { AsterismApi } from '../app/asterism-api.ts';
import { AsterismError } from '../domain/errors.ts';
import { errorBody, fileResult } from './schemas.ts';

const uploadForm = z.object({
  files: z.any().openapi({ type: 'array', items: { type: 'string', format: 'binary' }, description: 'report files' }),
  store: z.string().optional(), marketplace: z.string().optional(), from: z.string().optional(), to: z.string().optional(), date: z.string().optional(),
});

const upload = createRoute({
  method: 'post', path: '/api/upload', summary: 'import uploaded report files / 上传并导入报表',
  request: { body: { content: { 'multipart/form-data': { schema: uploadForm } }, required: true } },
  responses: {
    200: { content: { 'application/json': { schema: z.object({ files: z.array(fileResult) }) } }, description: 'one result per file; a failed file wrote nothing' },
    400: { content: { 'application/json': { schema: errorBody } }, description: 'no files, or bad options' },
  },
});

/** Files dropped on the dashboard: written to a temporary folder under their own names (the import log
 * names them), imported exactly as `asterism import` would, then removed. */
export function registerUpload(app: OpenAPIHono, asterism: AsterismApi): void {
  app.openapi(upload, async (c) => {
    const form = await c.req.parseBody({ all: true });
    const files = [form.files ?? form['files[]'] ?? []].flat().filter((f): f is File => f instanceof File);
    if (files.length === 0) throw new AsterismError('bad_request', 'no files: send them as multipart form field "files"');
    const option = (key: string) => (typeof form[key] === 'string' && form[key] !== '' ? { [key]: form[key] } : {});
    const dir = await mkdtemp(join(tmpdir(), 'asterism-upload-'));
    try {
      const paths: string[] = [];
      for (const [i, file] of files.entries()) {
        // one folder per file: two dropped files may share a name
        await mkdir(join(dir, String(i)));
        const path = join(dir, String(i), basename(file.name) || `upload-${i}`);
        await writeFile(path, new Uint8Array(await file.arrayBuffer()));
        paths.push(path);
      }
      const result = await asterism.importFiles(paths, { ...option('store'), ...option('marketplace'), ...option('from'), ...option('to'), ...option('date') });
      // answer with the names the user dropped, not the temporary paths
      return c.json({ files: result.files.map((f, i) => ({ ...f, file: files[i]?.name ?? f.file })) }, 200);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
}
