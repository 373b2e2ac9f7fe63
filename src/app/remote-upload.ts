import { say } from '../domain/messages.ts';
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { basename, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { AsterismError, type ErrorCode } from '../domain/errors.ts';
import type { FileResult, ImportOptions, ReadingProgress } from '../ingest/index.ts';
import type { ImportJob } from './import-jobs.ts';

export interface UploadFile {
  path: string;
  name: string;
  size: number;
}

/**
 * What to upload to a running server: the options as form fields, and the files that can be read here
 * (`sent[k]` is the index in `files` of the k-th); a file that cannot be read is an error result of its
 * own, as a local import would answer it.
 */
export async function uploadPlan(files: readonly string[], options: ImportOptions): Promise<{ fields: [string, string][]; uploads: UploadFile[]; sent: number[]; unreadable: Map<number, FileResult> }> {
  const fields = Object.entries(options).filter(([, v]) => v !== undefined && v !== null && v !== false).map(([k, v]) => [k, String(v)] as [string, string]);
  const uploads: UploadFile[] = [];
  const sent: number[] = [];
  const unreadable = new Map<number, FileResult>();
  for (const [i, file] of files.entries()) {
    const path = resolve(file);
    const info = await stat(path).catch((e: unknown) => e as Error);
    const problem = info instanceof Error ? info.message : info.isFile() ? undefined : 'not a regular file';
    if (problem || info instanceof Error) {
      const message = `cannot read ${file}: ${problem}`;
      // a store left out is not known here: the server decides it
      unreadable.set(i, {
        file, type: null, store: options.store?.trim() || '', marketplace: null, rows: 0, status: 'error', from: null, to: null, replaced: 0,
        error: message, problems: [{ code: 'unreadable', severity: 'error', file, message }],
      });
      continue;
    }
    uploads.push({ path, name: basename(path), size: info.size });
    sent.push(i);
  }
  return { fields, uploads, sent, unreadable };
}

/** A quoted form-data parameter (HTML's rule: quote, CR and LF percent-encoded; the rest as UTF-8). */
const quoted = (s: string) => `"${s.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}"`;

/**
 * POSTs a multipart form with node's http client, the files read from disk as the socket takes them, with
 * a Content-Length (so a server over its limit refuses at once). fetch is not used here: on Node 20 it
 * held a 1 GB file body in memory (1.1 GB RSS), this stays under 100 MB.
 */
export function postMultipart(url: URL, fields: readonly [string, string][], files: readonly UploadFile[], headers: Record<string, string>): Promise<{ status: number; text: string }> {
  const boundary = `----asterism-${randomUUID()}`;
  const fieldParts = fields.map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name=${quoted(k)}\r\n\r\n${v}\r\n`));
  const fileHeads = files.map((f) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename=${quoted(f.name)}\r\nContent-Type: application/octet-stream\r\n\r\n`));
  const crlf = Buffer.from('\r\n');
  const end = Buffer.from(`--${boundary}--\r\n`);
  const length = [...fieldParts, ...fileHeads, end].reduce((n, b) => n + b.length, 0) + files.reduce((n, f) => n + f.size + crlf.length, 0);
  async function* body() {
    yield* fieldParts;
    for (const [i, f] of files.entries()) {
      yield fileHeads[i]!;
      yield* createReadStream(f.path);
      yield crlf;
    }
    yield end;
  }
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((done, fail) => {
    const req = send(url, { method: 'POST', headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(length) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', fail);
    });
    req.on('error', fail);
    // a server that refused early (413) may close before the body is sent: its answer is what counts
    pipeline(Readable.from(body()), req).catch(() => undefined);
  });
}

/** Asks for the job until it ends, telling of each file as it ends and of the current file's reading. */
export async function followImportJob(
  job: ImportJob, get: (id: string) => Promise<ImportJob>,
  onFile: (result: FileResult, index: number) => void, onReading: (progress: ReadingProgress, index: number) => void,
  pollMs = 250,
): Promise<FileResult[]> {
  let told = 0;
  for (let now = job; ; now = await get(job.id)) {
    for (; told < now.files.length && now.files[told]?.result; told++) onFile(now.files[told]!.result!, told);
    const current = now.current === null ? undefined : now.files[now.current];
    if (current && now.current !== null && current.bytesTotal > 0) {
      onReading({ file: current.file, bytes: current.bytesTotal, bytesRead: current.bytesRead, rows: current.rows, rowsEstimated: current.rowsEstimated }, now.current);
    }
    if (now.state === 'done') return now.results ?? [];
    if (now.state === 'failed') throw new AsterismError((now.error?.code ?? 'import_failed') as ErrorCode, now.error?.message ?? say('server_import_failed'));
    await sleep(pollMs);
  }
}
