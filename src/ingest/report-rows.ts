import { DelimitedSplitter, sniffDelimiter } from './delimited-text.ts';
import type { TextEncodingName } from './source-file.ts';
import type { SourceRow } from './table.ts';
import { textChunks, type TextReading } from './text-chunks.ts';

/** How the rows of a delimited file ended: a last record with no line end after it may be a download cut short. */
export interface DelimitedEnd {
  endsWithLineEnd: boolean;
  /** records read, preamble and header included */
  records: number;
}

/**
 * A CSV/TSV file's records in groups as its text is decoded (one group per chunk of about 1 MB),
 * the delimiter sniffed from the first 64 KB of text as `parseDelimited` does for a whole text.
 */
export async function* delimitedRowGroups(
  path: string, encoding: TextEncodingName | 'auto', end: DelimitedEnd, onBytes?: (bytesRead: number, bytes: number) => void,
  reading: TextReading = { encoding: null },
): AsyncGenerator<SourceRow[]> {
  let splitter: DelimitedSplitter | undefined;
  let start = '';
  for await (const text of textChunks(path, encoding, reading, onBytes)) {
    if (!splitter) {
      start += text;
      if (start.length < sniffedChars) continue;
      splitter = new DelimitedSplitter(sniffDelimiter(start));
      yield counted(splitter.push(start), end);
      start = '';
      continue;
    }
    yield counted(splitter.push(text), end);
  }
  splitter ??= new DelimitedSplitter(sniffDelimiter(start));
  const rows = splitter.push(start);
  yield counted(splitter.end(rows), end);
  end.endsWithLineEnd = splitter.lastChar === '\n' || splitter.lastChar === '\r';
}

const sniffedChars = 64 * 1024;

function counted(rows: SourceRow[], end: DelimitedEnd): SourceRow[] {
  end.records += rows.length;
  return rows;
}
