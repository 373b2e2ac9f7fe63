import { sheetRowGroups } from '../xlsx-sheet.ts';
import { cellText } from '../table.ts';
import { readHeader } from '../header.ts';
import { bulkSheet } from './refused.ts';

/**
 * A bulk operations file's first sheet as rows keyed by their column headers: the header is the first line the
 * bulk-sheet family recognises (`Entity | Operation …`, or 1.0's `Record ID | Record Type …`). Bulk files are not
 * imported as facts (refused.ts says why); this reads one back, as the ads export's round trip does.
 */
export async function readBulkSheet(input: string | Uint8Array): Promise<{ header: string[]; rows: Record<string, string>[] }> {
  let header: string[] | null = null;
  const rows: Record<string, string>[] = [];
  for await (const group of sheetRowGroups(input)) {
    for (const line of group) {
      const cells = line.cells.map((c) => cellText(c));
      if (header === null) {
        if (bulkSheet.detect(readHeader(line.cells)) !== false) header = cells;
        continue;
      }
      rows.push(Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''] as const).filter(([, v]) => v !== '')));
    }
  }
  return { header: header ?? [], rows };
}
