import { open } from 'node:fs/promises';
import { createInflateRaw } from 'node:zlib';

/**
 * Whether a workbook is whole before its rows are trusted: exceljs's streaming reader stops quietly
 * where a damaged zip ends, so a sheet cut in half would import as half a sheet. A whole .xlsx ends
 * with the zip's directory (End Of Central Directory record), every entry's data lies before it, and
 * the first sheet's XML inflates without error and closes its <worksheet> element.
 * Zip layout: PKWARE APPNOTE.TXT §4.3 (https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT).
 * Returns the reason it is not whole, or null.
 */
export async function workbookDamage(input: string | Uint8Array): Promise<string | null> {
  const source = await randomAccess(input);
  try {
    return await damage(source);
  } finally {
    await source.close();
  }
}

interface RandomAccess {
  size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
  close(): Promise<void>;
}

const endOfDirectory = 0x06054b50;
const directoryEntry = 0x02014b50;
const localHeader = 0x04034b50;

async function damage(source: RandomAccess): Promise<string | null> {
  const tailLength = Math.min(source.size, 22 + 0xffff);
  const tail = await source.read(source.size - tailLength, tailLength);
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) === endOfDirectory) {
      at = i;
      break;
    }
  }
  if (at < 0) return 'the file ends before the zip directory: it was cut short';
  const directoryStart = view.getUint32(at + 16, true);
  const directorySize = view.getUint32(at + 12, true);
  if (directoryStart === 0xffffffff || directorySize === 0xffffffff) return null; // ZIP64: a 4 GB workbook, not checked further
  const endAt = source.size - tailLength + at;
  if (directoryStart + directorySize > endAt) return 'the zip directory points past the end of the file: it is damaged';
  const directory = await source.read(directoryStart, directorySize);
  const dir = new DataView(directory.buffer, directory.byteOffset, directory.byteLength);
  let sheet: { offset: number; compressed: number; method: number } | undefined;
  for (let p = 0; p + 46 <= directory.length;) {
    if (dir.getUint32(p, true) !== directoryEntry) return 'the zip directory is damaged';
    const method = dir.getUint16(p + 10, true);
    const compressed = dir.getUint32(p + 20, true);
    const nameLength = dir.getUint16(p + 28, true);
    const offset = dir.getUint32(p + 42, true);
    const name = new TextDecoder().decode(directory.subarray(p + 46, p + 46 + nameLength));
    if (offset + 30 + compressed > directoryStart) return `the zip entry ${name} runs past the file's data: it is damaged`;
    if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name) && (!sheet || offset < sheet.offset)) sheet = { offset, compressed, method };
    p += 46 + nameLength + dir.getUint16(p + 30, true) + dir.getUint16(p + 32, true);
  }
  if (!sheet) return 'the workbook holds no worksheet';
  return sheetDamage(source, sheet);
}

/** The first sheet's XML inflates whole and ends with </worksheet>. */
async function sheetDamage(source: RandomAccess, sheet: { offset: number; compressed: number; method: number }): Promise<string | null> {
  const header = await source.read(sheet.offset, 30);
  const hv = new DataView(header.buffer, header.byteOffset, header.byteLength);
  if (header.length < 30 || hv.getUint32(0, true) !== localHeader) return 'the first sheet\'s zip entry is damaged';
  let position = sheet.offset + 30 + hv.getUint16(26, true) + hv.getUint16(28, true);
  const end = position + sheet.compressed;
  if (end > source.size) return 'the first sheet is cut short';
  let last = '';
  const keep = (text: string) => {
    last = (last + text).slice(-64);
  };
  if (sheet.method === 0) {
    keep(new TextDecoder().decode(await source.read(Math.max(position, end - 64), Math.min(64, sheet.compressed))));
  } else if (sheet.method === 8) {
    const inflate = createInflateRaw();
    const decoder = new TextDecoder();
    inflate.on('data', (chunk: Buffer) => keep(decoder.decode(chunk.subarray(-64))));
    const done = new Promise<string | null>((resolve) => {
      inflate.on('error', (e) => resolve(`the first sheet does not inflate (${e.message}): the file is damaged`));
      inflate.on('end', () => resolve(null));
    });
    while (position < end) {
      const chunk = await source.read(position, Math.min(1024 * 1024, end - position));
      position += chunk.length;
      if (!inflate.write(chunk)) await new Promise((resolve) => inflate.once('drain', resolve));
    }
    inflate.end();
    const failed = await done;
    if (failed) return failed;
  } else {
    return null; // another compression method: exceljs would fail on it with its own message
  }
  return /<\/([A-Za-z_][\w.-]*:)?worksheet>\s*$/.test(last) ? null : 'the first sheet\'s XML stops before its end: the sheet was cut short';
}

async function randomAccess(input: string | Uint8Array): Promise<RandomAccess> {
  if (typeof input !== 'string') {
    return { size: input.length, read: async (offset, length) => input.subarray(offset, offset + length), close: async () => {} };
  }
  const handle = await open(input, 'r');
  const { size } = await handle.stat();
  return {
    size,
    read: async (offset, length) => {
      const buffer = new Uint8Array(Math.max(0, length));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
      return buffer.subarray(0, bytesRead);
    },
    close: () => handle.close(),
  };
}
