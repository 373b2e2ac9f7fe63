import type { FileResult } from '../ingest/index.ts';

/**
 * `asterism import` (table output): for a file naming several marketplaces (a unified account), one line saying how
 * it was split, and for any file the rows of non-Amazon channels it skipped — en / zh.
 */
export function splitLines(files: readonly FileResult[]): string[] {
  const lines: string[] = [];
  for (const f of files) {
    if (f.marketplaces && f.marketplaces.length > 0) {
      const parts = f.marketplaces.map((m) => `${m.marketplace} ${m.rows} (${m.currency ?? '?'})`).join(', ');
      lines.push(`${f.file}: split per marketplace: ${parts} / 已按站点拆分：${parts}`);
    }
    for (const [channel, n] of Object.entries(f.skipped_channels ?? {})) {
      lines.push(`${f.file}: ${n} row(s) of sales channel ${channel} skipped (not sold on an Amazon marketplace) / 跳过销售渠道 ${channel} 的 ${n} 行（非亚马逊站点的销售）`);
    }
  }
  return lines;
}

/** The marketplace cell of the results table: a split file's marketplaces joined. */
export const marketplaceCell = (f: FileResult): string | null => f.marketplaces?.map((m) => m.marketplace).join(',') ?? f.marketplace;
