import { adTypeOfDemoFile, DEMO_FX_TO_CNY, generateDemo } from '../demo/index.ts';
import type { FileResult } from '../ingest/index.ts';
import { withRollupOnceAfter } from '../metrics/rollup-refresh.ts';
import type { FxRate } from '../store/fx-rates.ts';
import type { AsterismApi } from './asterism-api.ts';
import { LocalAsterism } from './local.ts';

/** The demo's FX table as a seller keeps it: a rate on the first of every month it covers (a rate more than
 * 31 days old would be `fx_stale`). The mid rates hold steady, so the demo's payouts and costs read the same. */
export function demoFxRates(first: string, last: string): FxRate[] {
  const rates: FxRate[] = [];
  for (let month = first.slice(0, 7); month <= last.slice(0, 7); month = nextMonth(month)) {
    for (const [base, rate] of Object.entries(DEMO_FX_TO_CNY)) rates.push({ date: `${month}-01`, base, quote: 'CNY', rate });
  }
  return rates;
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** `asterism demo`: writes the demo dataset as report files, then imports them through the same importers a seller uses. */
export async function runDemo(
  asterism: AsterismApi, options: { seed?: number; outDir: string }, onFile?: (result: FileResult, index: number, total: number) => void,
): Promise<{ out: string; files: FileResult[] }> {
  const { files, first, last } = await generateDemo({ outDir: options.outDir, ...(options.seed === undefined ? {} : { seed: options.seed }) });
  await asterism.setFxRates(demoFxRates(first, last));
  const results: FileResult[] = [];
  // on a database file here, the rollup is brought up to date once at the end, not after each file (first start)
  const importAll = async () => {
    for (const file of files) {
      const { files: [result] } = await asterism.importFiles([file.path], {
        store: file.store, ...(file.marketplace ? { marketplace: file.marketplace } : {}),
        ...(file.from ? { from: file.from } : {}), ...(file.to ? { to: file.to } : {}), ...(file.date ? { date: file.date } : {}),
        // the demo seller knows each ads report's ad type, as a seller does (ingest/ads-console/ad-type.ts)
        ...(adTypeOfDemoFile(file.type) ? { adType: adTypeOfDemoFile(file.type) } : {}),
      });
      if (result) {
        results.push(result);
        onFile?.(result, results.length - 1, files.length);
      }
    }
  };
  await (asterism instanceof LocalAsterism ? withRollupOnceAfter(asterism.db, importAll) : importAll());
  return { out: options.outDir, files: results };
}
