import busboy from 'busboy';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { JobFile } from '../app/import-jobs.ts';
import { formatByteSize } from './byte-size.ts';
import { Refusal } from './refusals.ts';

export interface ReceivedUpload {
  files: JobFile[];
  /** the form's text fields (the import options) */
  fields: Map<string, string>;
}

/**
 * Reads a multipart upload as it arrives and writes each file of the field "files" to its own folder
 * under `dir` (two dropped files may share a name), never holding a whole file in memory. More than
 * `limit` bytes in the request stops it with `upload_too_large`; the caller removes `dir` on any throw.
 */
export async function receiveUpload(body: ReadableStream<Uint8Array>, contentType: string, dir: string, limit: number): Promise<ReceivedUpload> {
  let parser: busboy.Busboy;
  try {
    // file names in UTF-8 (a Chinese seller's 业务报告.csv), not busboy's default latin1
    parser = busboy({ headers: { 'content-type': contentType }, defParamCharset: 'utf8', limits: { fields: 100, fieldSize: 64 * 1024, files: 1000, parts: 1100 } });
  } catch {
    throw new Refusal('upload_not_multipart');
  }
  const fields = new Map<string, string>();
  const files: Promise<JobFile>[] = [];
  const writers: WriteStream[] = [];
  parser.on('field', (name, value, info) => {
    if (!info.valueTruncated) fields.set(name, value);
  });
  parser.on('file', (name, stream, info) => {
    if (name !== 'files' && name !== 'files[]') {
      stream.resume();
      return;
    }
    const i = files.length;
    const dropped = info.filename ?? '';
    mkdirSync(join(dir, String(i)));
    const path = join(dir, String(i), diskName(dropped, i));
    const out = createWriteStream(path, { flags: 'wx' });
    writers.push(out);
    let bytes = 0;
    stream.on('data', (chunk: Buffer) => (bytes += chunk.length));
    const written = pipeline(stream, out).then(() => ({ path, name: dropped || `upload-${i}`, bytes }));
    written.catch(() => undefined); // awaited below; a failed upload is answered once, from the main pipeline
    files.push(written);
  });
  let total = 0;
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      total += chunk.length;
      done(total > limit ? new Refusal('upload_too_large', { limit: formatByteSize(limit) }) : null, chunk);
    },
  });
  // busboy skips what is over its limits without a word: refuse the upload instead of importing part of it
  const tooMany = () => counted.destroy(new Refusal('upload_too_many_parts'));
  parser.on('filesLimit', tooMany).on('fieldsLimit', tooMany).on('partsLimit', tooMany);
  try {
    await pipeline(Readable.fromWeb(body as NodeReadableStream<Uint8Array>), counted, parser);
    return { files: await Promise.all(files), fields };
  } catch (e) {
    await Promise.all(writers.map((w) => new Promise<void>((closed) => (w.closed ? closed() : w.destroy().once('close', () => closed())))));
    throw e instanceof Refusal ? e : new Refusal('upload_broken');
  }
}

/** The dropped name, made safe to be one file name on this disk (the import log shows the dropped name). */
function diskName(dropped: string, i: number): string {
  // control characters (a NUL ends the name for the OS) and path separators become _
  const name = basename([...dropped].map((ch) => (ch === '/' || ch === '\\' || ch.charCodeAt(0) < 32 ? '_' : ch)).join(''));
  if (name === '' || name === '.' || name === '..') return `upload-${i}`;
  return Buffer.byteLength(name) > 200 ? `upload-${i}${extname(name).slice(0, 16)}` : name;
}
