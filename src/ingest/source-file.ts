import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { both, say, type Texts } from '../domain/messages.ts';

/** What a file is made of, decided from its bytes (never from its name). */
export type SourceKind = 'xlsx' | 'json' | 'text';
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'shift_jis' | 'windows-1252';

/**
 * What keeps memory bounded whatever the file: it is read in chunks; a gzip file may inflate to 100×
 * its size (a CSV compresses ~10×; a "gzip bomb" ~1000×), but always to 64 MB; the formats read whole
 * (JSON documents, an XLSX inside gzip) are refused above a size.
 */
export const sourceLimits = {
  chunkBytes: 1024 * 1024,
  inflateRatio: 100,
  inflateFloorBytes: 64 * 1024 * 1024,
  wholeBytes: 64 * 1024 * 1024,
};

/** A file that cannot be read as a whole file (too compressed, too large to hold, damaged): refused, nothing written. */
export class SourceError extends Error {
  constructor(readonly code: string, readonly texts: Texts) {
    super(texts.en);
    this.name = 'SourceError';
  }
}

/** One file as first looked at: its identity (name, hash of the stored bytes) and what it is made of. */
export interface SourceInfo {
  path: string;
  /** file name without folders: what import_log and error messages name */
  name: string;
  /** sha256 of the bytes as stored (before gunzip): the same bytes are the same import */
  hash: string;
  /** bytes on disk */
  size: number;
  kind: SourceKind;
  gzip: boolean;
}

/** One file read whole (JSON documents, and tests): its bytes, their hash, and its text when it is text. */
export interface SourceFile {
  path: string;
  name: string;
  bytes: Uint8Array;
  hash: string;
  kind: SourceKind;
  /** decoded text, '' for xlsx */
  text: string;
  encoding: TextEncodingName | null;
  lineEnding: 'crlf' | 'lf' | null;
}

/** Hash in one streamed pass (so a re-import is `unchanged` without parsing), kind from the first bytes. */
export async function inspectSource(path: string): Promise<SourceInfo> {
  const { size } = await stat(path);
  const hash = createHash('sha256');
  let first: Uint8Array | undefined;
  for await (const chunk of createReadStream(path, { highWaterMark: 4 * sourceLimits.chunkBytes })) {
    first ??= new Uint8Array(chunk as Buffer);
    hash.update(chunk as Buffer);
  }
  const gzip = first?.[0] === 0x1f && first[1] === 0x8b;
  const head = gzip ? await headBytes(path) : (first ?? new Uint8Array(0));
  return { path, name: basename(path), hash: hash.digest('hex'), size, gzip, kind: kindOf(head) };
}

function kindOf(head: Uint8Array): SourceKind {
  if (isZip(head)) return 'xlsx';
  const { skip, encoding } = startEncoding(head, 'utf-8');
  const text = new TextDecoder(encoding === 'windows-1252' ? 'latin1' : encoding).decode(head.subarray(skip, skip + 256));
  return /^\s*[[{]/.test(text.slice(0, 64)) ? 'json' : 'text';
}

/** The first 64 KB of the (inflated) content. */
export async function headBytes(path: string): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of byteChunks(path)) {
    parts.push(chunk);
    length += chunk.length;
    if (length >= 64 * 1024) break;
  }
  return Buffer.concat(parts);
}

/**
 * The file's content in chunks of about 1 MB, inflated when it is gzip (Ads API reports arrive as
 * GZIP_JSON), refused once inflated past the ratio limit. `onBytes` hears the bytes read from disk.
 */
export async function* byteChunks(path: string, onBytes?: (bytesRead: number, bytes: number) => void): AsyncGenerator<Uint8Array> {
  const { size } = await stat(path);
  const file = createReadStream(path, { highWaterMark: sourceLimits.chunkBytes });
  const chunks = file[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let read = 0;
  const next = async (): Promise<Buffer | undefined> => {
    const { done, value } = await chunks.next();
    if (done) return undefined;
    read += value.length;
    onBytes?.(read, size);
    return value;
  };
  try {
    const first = await next();
    if (!first) return;
    if (!(first[0] === 0x1f && first[1] === 0x8b)) {
      for (let chunk: Buffer | undefined = first; chunk; chunk = await next()) yield new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length);
      return;
    }
    yield* inflated(first, next, size);
  } finally {
    file.destroy();
  }
}

/** A gzip file inflated as it is read, refused past `inflateRatio` × its size (and `inflateFloorBytes`). */
async function* inflated(first: Buffer, next: () => Promise<Buffer | undefined>, size: number): AsyncGenerator<Uint8Array> {
  const limit = Math.max(size * sourceLimits.inflateRatio, sourceLimits.inflateFloorBytes);
  const gunzip = createGunzip({ chunkSize: 256 * 1024 });
  const input = Readable.from((async function* () {
    for (let chunk: Buffer | undefined = first; chunk; chunk = await next()) yield chunk;
  })());
  input.pipe(gunzip);
  let total = 0;
  try {
    for await (const chunk of gunzip) {
      total += (chunk as Buffer).length;
      if (total > limit) {
        throw new SourceError('too_compressed', say('too_compressed', { limit: formatMb(limit), ratio: sourceLimits.inflateRatio, size: formatMb(size) }));
      }
      yield new Uint8Array(chunk as Buffer);
    }
  } catch (e) {
    if (e instanceof SourceError) throw e;
    throw new SourceError('bad_gzip', say('bad_gzip', { reason: both(e instanceof Error ? e.message : String(e)) }));
  } finally {
    input.destroy();
    gunzip.destroy();
  }
}

const formatMb = (bytes: number) => `${(bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0)} MB`;

/** The whole (inflated) content, refused above `sourceLimits.wholeBytes`: for formats parsed whole. */
export async function wholeBytes(path: string, what: Texts): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of byteChunks(path)) {
    length += chunk.length;
    if (length > sourceLimits.wholeBytes) {
      throw new SourceError('too_large', say('too_large_whole', { what, limit: formatMb(sourceLimits.wholeBytes) }));
    }
    parts.push(chunk);
  }
  return Buffer.concat(parts);
}

/** Reads a whole file (JSON documents; tests), refused above `sourceLimits.wholeBytes`. */
export async function readSourceFile(path: string): Promise<SourceFile> {
  const info = await inspectSource(path);
  return decodeSource(path, await wholeBytes(path, { en: 'a file', zh: '文件' }), info.hash);
}

export function decodeSource(path: string, bytes: Uint8Array, hash = createHash('sha256').update(bytes).digest('hex')): SourceFile {
  const base = { path, name: basename(path), bytes, hash };
  if (isZip(bytes)) return { ...base, kind: 'xlsx', text: '', encoding: null, lineEnding: null };
  const { text, encoding } = decodeText(bytes);
  const kind: SourceKind = /^\s*[[{]/.test(text.slice(0, 64)) ? 'json' : 'text';
  return { ...base, kind, text, encoding, lineEnding: text.includes('\r\n') ? 'crlf' : text.includes('\n') ? 'lf' : null };
}

function isZip(b: Uint8Array): boolean {
  return b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
}

/** BOM first; then strict UTF-8; then Shift_JIS where its header reads as Japanese (Seller Central JP
 * downloads); else windows-1252 (FBA downloads), never latin-1 (0x96 must be "–"). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  const start = startEncoding(bytes, 'utf-8');
  if (start.encoding !== 'utf-8' || start.skip > 0) {
    return { text: new TextDecoder(start.encoding).decode(bytes.subarray(start.skip)), encoding: start.encoding };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    if (japaneseHead(bytes)) {
      try {
        return { text: new TextDecoder('shift_jis', { fatal: true }).decode(bytes), encoding: 'shift_jis' };
      } catch { /* not Shift_JIS after all */ }
    }
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/**
 * The encoding the first bytes decide (byte-order marks, UTF-16 without one: every other byte of
 * ASCII text is 0) and the bytes to skip; otherwise `fallback`.
 */
export function startEncoding(bytes: Uint8Array, fallback: TextEncodingName): { encoding: TextEncodingName; skip: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  if (bytes.length >= 4 && bytes[0] !== 0 && bytes[1] === 0 && bytes[3] === 0) return { encoding: 'utf-16le', skip: 0 };
  if (bytes.length >= 4 && bytes[0] === 0 && bytes[2] === 0 && bytes[1] !== 0) return { encoding: 'utf-16be', skip: 0 };
  return { encoding: fallback, skip: 0 };
}

/**
 * Shift_JIS only when the whole file decodes strictly and its first lines (preamble and header) hold
 * Japanese words: a windows-1252 file can be valid Shift_JIS byte by byte (an en dash 0x96 followed by
 * a letter is a kanji there), but its header is English. This looks at the first lines only.
 */
export function japaneseHead(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('shift_jis', { fatal: true }).decode(bytes.subarray(0, 64 * 1024), { stream: true });
  } catch {
    return false;
  }
  const head = text.slice(0, 4096).split(/\r?\n/).slice(0, 20).join('\n');
  return (head.match(/[\u3040-\u30ff\u4e00-\u9fff]/g)?.length ?? 0) >= 2;
}

/** 0x80–0x9F in windows-1252 (0x81, 0x8D, 0x8F, 0x90, 0x9D are unassigned and kept as C1 controls). */
const cp1252High = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/**
 * Node 20's TextDecoder('windows-1252') decodes as latin-1 (0x96 → U+0096, not "–"), so the
 * 32 bytes where the two differ are mapped here. One byte is one character: chunks decode alone.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1')
    .replace(/[\u0080-\u009f]/g, (c) => cp1252High.charAt(c.charCodeAt(0) - 0x80));
}
