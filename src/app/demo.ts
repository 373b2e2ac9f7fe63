import { adTypeOfDemoFile, DEMO_FX_TO_CNY, generateDemo } from '../demo/index.ts';
import type { FileResult } from '../ingest/index.ts';
import { withRollupOnceAfter } from '../metrics/rollup-refresh.ts';
import type { AsterismApi } from './asterism-api.ts';
import { LocalAsterism } from './local.ts';

/** The demo's FX rates hold from before its first day. */
const demoFxDate = '2024-01-01';

/** `asterism demo`: writes the demo dataset as report files, then imports them through the same importers a seller uses. */
export async function runDemo(
  asterism: AsterismApi, options: { seed?: number; outDir: string }, onFile?: (result: FileResult, index: number, total: number) => void,
): Promise<{ out: string; files: FileResult[] }> {
  const { files } = await generateDemo({ outDir: options.outDir, ...(options.seed === undefined ? {} : { seed: options.seed }) });
  await asterism.setFxRates(Object.entries(DEMO_FX_TO_CNY).map(([base, rate]) => ({ date: demoFxDate, base, quote: 'CNY', rate })));
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
