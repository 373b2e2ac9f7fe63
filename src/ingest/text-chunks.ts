import { byteChunks, decodeWindows1252, headBytes, japaneseHead, startEncoding, type TextEncodingName } from './source-file.ts';

/**
 * A file's text decoded chunk by chunk, telling the encodings apart as `decodeText` does for a whole
 * file: a byte-order mark or UTF-16 from the first bytes, else strict UTF-8, else Shift_JIS when the
 * first lines read as Japanese, else windows-1252. Which of the last three holds is only certain at
 * the end of the file: when strict decoding fails after text was handed on, `EncodingRestart` says
 * which encoding to read the file with from the start (the caller drops what it did with the text).
 */
export class EncodingRestart extends Error {
  constructor(readonly next: TextEncodingName) {
    super(`the file is not ${next === 'windows-1252' ? 'Shift_JIS' : 'UTF-8'} after all: read again as ${next}`);
    this.name = 'EncodingRestart';
  }
}

export interface TextReading {
  /** the encoding the file was read with, once known */
  encoding: TextEncodingName | null;
}

/** `encoding` 'auto' decides from the bytes; a named one comes from an `EncodingRestart`. */
export async function* textChunks(
  path: string, encoding: TextEncodingName | 'auto', reading: TextReading = { encoding: null }, onBytes?: (bytesRead: number, bytes: number) => void,
): AsyncGenerator<string> {
  let current = encoding;
  for (;;) {
    let handedOn = false;
    try {
      for await (const text of decodedChunks(path, current, reading, onBytes)) {
        if (text === '') continue;
        handedOn = true;
        yield text;
      }
      return;
    } catch (e) {
      // nothing handed on yet (the usual case: a windows-1252 byte in the first megabyte): start over here
      if (e instanceof EncodingRestart && !handedOn) {
        current = e.next;
        continue;
      }
      throw e;
    }
  }
}

async function* decodedChunks(
  path: string, encoding: TextEncodingName | 'auto', reading: TextReading, onBytes?: (bytesRead: number, bytes: number) => void,
): AsyncGenerator<string> {
  let decode: ((bytes: Uint8Array, last: boolean) => string) | undefined;
  let chosen: TextEncodingName = 'utf-8';
  let first: Uint8Array = new Uint8Array(0);
  for await (let bytes of byteChunks(path, onBytes)) {
    if (!decode) {
      // the first 4 bytes tell byte-order marks and UTF-16 apart
      first = Buffer.concat([first, bytes]);
      if (first.length < 4) continue;
      bytes = first;
      const start = encoding === 'auto' ? startEncoding(bytes, 'utf-8') : { encoding, skip: 0 };
      chosen = start.encoding;
      // strict only where a failure means another encoding: after a BOM, or in UTF-16, anything goes
      const strict = encoding === 'auto' ? start.encoding === 'utf-8' && start.skip === 0 : encoding === 'shift_jis';
      decode = decoderFor(chosen, strict);
      reading.encoding = chosen;
      bytes = bytes.subarray(start.skip);
    }
    const text = decodeOrNull(decode, bytes, false);
    if (text === null) throw await restart(path, chosen);
    yield text;
  }
  if (!decode && first.length > 0) {
    // a file of under 4 bytes
    const { encoding: tiny, skip } = startEncoding(first, 'utf-8');
    reading.encoding = tiny;
    yield new TextDecoder(tiny).decode(first.subarray(skip));
    return;
  }
  const rest = decode ? decodeOrNull(decode, new Uint8Array(0), true) : '';
  if (rest === null) throw await restart(path, chosen);
  yield rest;
}

function decodeOrNull(decode: (bytes: Uint8Array, last: boolean) => string, bytes: Uint8Array, last: boolean): string | null {
  try {
    return decode(bytes, last);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    return null;
  }
}

/** After strict UTF-8 failed: Shift_JIS when the first lines read as Japanese; after Shift_JIS failed: windows-1252. */
async function restart(path: string, failed: TextEncodingName): Promise<EncodingRestart> {
  return new EncodingRestart(failed === 'utf-8' && japaneseHead(await headBytes(path)) ? 'shift_jis' : 'windows-1252');
}

function decoderFor(encoding: TextEncodingName, fatal: boolean): (bytes: Uint8Array, last: boolean) => string {
  if (encoding === 'windows-1252') return (bytes) => decodeWindows1252(bytes);
  const decoder = new TextDecoder(encoding, { fatal });
  return (bytes, last) => (last ? decoder.decode() : decoder.decode(bytes, { stream: true }));
}
