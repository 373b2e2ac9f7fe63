import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** What a file is made of, decided from its bytes (never from its name). */
export type SourceKind = 'xlsx' | 'json' | 'text';
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'shift_jis' | 'windows-1252';

/** One file as read from disk: its bytes, their hash, and its text when it is text. */
export interface SourceFile {
  path: string;
  /** file name without folders: what import_log and error messages name */
  name: string;
  bytes: Uint8Array;
  /** sha256 of the bytes as stored (before gunzip): the same bytes are the same import */
  hash: string;
  kind: SourceKind;
  /** decoded text, '' for xlsx */
  text: string;
  encoding: TextEncodingName | null;
  lineEnding: 'crlf' | 'lf' | null;
}

/** Reads a file in 1 MB chunks so `onBytes` can tell how far it got (the dashboard's progress bar). */
export async function readSourceFile(path: string, onBytes?: (bytesRead: number, bytes: number) => void): Promise<SourceFile> {
  const handle = await open(path, 'r');
  let raw: Uint8Array;
  try {
    const { size } = await handle.stat();
    raw = new Uint8Array(size);
    let read = 0;
    while (read < size) {
      const { bytesRead } = await handle.read(raw, read, Math.min(chunkBytes, size - read), read);
      if (bytesRead === 0) break; // the file shrank while being read
      read += bytesRead;
      onBytes?.(read, size);
    }
    if (read < size) raw = raw.subarray(0, read);
  } finally {
    await handle.close();
  }
  return decodeSource(path, raw);
}

const chunkBytes = 1024 * 1024;

export function decodeSource(path: string, raw: Uint8Array): SourceFile {
  const hash = createHash('sha256').update(raw).digest('hex');
  // Ads API reports arrive as GZIP_JSON; the hash stays that of the downloaded bytes
  const bytes = raw[0] === 0x1f && raw[1] === 0x8b ? new Uint8Array(gunzipSync(raw)) : raw;
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
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  // UTF-16 saved without a byte-order mark: every other byte of ASCII text is 0
  if (bytes.length >= 4 && bytes[0] !== 0 && bytes[1] === 0 && bytes[3] === 0) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (bytes.length >= 4 && bytes[0] === 0 && bytes[2] === 0 && bytes[1] !== 0) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    const japanese = decodeShiftJis(bytes);
    if (japanese !== null) return { text: japanese, encoding: 'shift_jis' };
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/**
 * Shift_JIS only when the whole file decodes strictly and its first lines (preamble and header) hold
 * Japanese words: a windows-1252 file can be valid Shift_JIS byte by byte (an en dash 0x96 followed by
 * a letter is a kanji there), but its header is English.
 */
function decodeShiftJis(bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = new TextDecoder('shift_jis', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  const head = text.slice(0, 4096).split(/\r?\n/).slice(0, 20).join('\n');
  const japanese = head.match(/[\u3040-\u30ff\u4e00-\u9fff]/g)?.length ?? 0;
  return japanese >= 2 ? text : null;
}

/** 0x80–0x9F in windows-1252 (0x81, 0x8D, 0x8F, 0x90, 0x9D are unassigned and kept as C1 controls). */
const cp1252High = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/**
 * Node 20's TextDecoder('windows-1252') decodes as latin-1 (0x96 → U+0096, not "–"), so the
 * 32 bytes where the two differ are mapped here.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    text += String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? cp1252High.charCodeAt(b - 0x80) : b)));
  }
  return text;
}
