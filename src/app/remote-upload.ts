import { openAsBlob } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { AsterismError, type ErrorCode } from '../domain/errors.ts';
import type { FileResult, ImportOptions, ReadingProgress } from '../ingest/index.ts';
import type { ImportJob } from './import-jobs.ts';

/**
 * The multipart form that uploads files to a running server: options first (the server reads them as the
 * form arrives), then each file as a Blob backed by the file on disk, which fetch streams rather than
 * loads. `sent[k]` is the index in `files` of the k-th uploaded file; a file that cannot be read here is
 * an error result of its own, as a local import would answer it.
 */
export async function uploadForm(files: readonly string[], options: ImportOptions): Promise<{ form: FormData; sent: number[]; unreadable: Map<number, FileResult> }> {
  const form = new FormData();
  for (const [key, value] of Object.entries(options)) {
    if (value !== undefined && value !== null && value !== false) form.append(key, String(value));
  }
  const sent: number[] = [];
  const unreadable = new Map<number, FileResult>();
  for (const [i, file] of files.entries()) {
    const path = resolve(file);
    const info = await stat(path).catch((e: unknown) => e as Error);
    const problem = info instanceof Error ? info.message : info.isFile() ? undefined : 'not a regular file';
    if (problem) {
      const message = `cannot read ${file}: ${problem}`;
      unreadable.set(i, {
        file, type: null, store: options.store?.trim() || 'default', marketplace: null, rows: 0, status: 'error', from: null, to: null, replaced: 0,
        error: message, problems: [{ code: 'unreadable', severity: 'error', file, message }],
      });
      continue;
    }
    form.append('files', await openAsBlob(path), basename(path));
    sent.push(i);
  }
  return { form, sent, unreadable };
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
    if (now.state === 'failed') throw new AsterismError((now.error?.code ?? 'import_failed') as ErrorCode, now.error?.message ?? 'the import failed on the server');
    await sleep(pollMs);
  }
}
