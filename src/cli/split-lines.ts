import { say, type Lang } from '../domain/messages.ts';
import type { FileResult } from '../ingest/index.ts';

/**
 * `asterism import` (table output): for a file naming several marketplaces (a unified account), one line saying how
 * it was split, and for any file the rows of non-Amazon channels it skipped, in the chosen language.
 */
export function splitLines(files: readonly FileResult[], lang: Lang): string[] {
  const lines: string[] = [];
  for (const f of files) {
    if (f.marketplaces && f.marketplaces.length > 0) {
      const parts = f.marketplaces.map((m) => `${m.marketplace} ${m.rows} (${m.currency ?? '?'})`).join(', ');
      lines.push(say('split_per_marketplace', { file: f.file, parts })[lang]);
    }
    for (const [channel, count] of Object.entries(f.skipped_channels ?? {})) {
      lines.push(say('skipped_channel_rows', { file: f.file, count, channel })[lang]);
    }
  }
  return lines;
}

/** The marketplace cell of the results table: a split file's marketplaces joined. */
export const marketplaceCell = (f: FileResult): string | null => f.marketplaces?.map((m) => m.marketplace).join(',') ?? f.marketplace;
