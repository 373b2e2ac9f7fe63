/** `generateDemo`: simulate the world once, write every report family from it, return the import options per file. */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { adFacts } from './ad-metrics.ts';
import { writeAdsReports } from './ads-reports.ts';
import { writeRepeatPurchase, writeSearchPerformance } from './brand-analytics.ts';
import { writeBusinessReports } from './business-report.ts';
import type { DemoFile } from './demo-file.ts';
import { writeCustomerReturns, writeManageInventory, writeStorageFees } from './fba-files.ts';
import { writeListingsReport } from './listings-file.ts';
import { writeMasterData } from './master-data.ts';
import { writeProfitFiles } from './profit-files.ts';
import { writePurchasing } from './purchasing.ts';
import { stores } from './markets.ts';
import { writeAllOrders } from './orders-file.ts';
import { writeTransactions } from './transactions-file.ts';
import { DEFAULT_TODAY, simulateWorld, type World } from './world.ts';

export interface DemoOptions {
  seed?: number;
  outDir: string;
  /** Last day of data (marketplace-local); fixed by default so the dataset is stable. */
  today?: string;
}

/** A written file (absolute path) and its import options: a DemoFile without its bytes. */
export type DemoFileInfo = Omit<DemoFile, 'content'>;

/** Every file of the dataset, in import order: master data first, then reports. */
export function buildDemoFiles(world: World): DemoFile[] {
  const facts = adFacts(world);
  const files: DemoFile[] = [];
  for (const store of stores) files.push(...writeMasterData(world, store.id), ...writeProfitFiles(world, store.id, store.markets), ...writePurchasing(world, store.id));
  for (const store of stores) {
    for (const code of store.markets) {
      files.push(...writeBusinessReports(world, store.id, code), ...writeAllOrders(world, store.id, code),
        ...writeAdsReports(world, store.id, code, facts), ...writeManageInventory(world, store.id, code),
        ...writeCustomerReturns(world, store.id, code), ...writeStorageFees(world, store.id, code),
        ...writeListingsReport(world, store.id, code));
      if (code === 'US') {
        files.push(...writeSearchPerformance(world, store.id, code), ...writeRepeatPurchase(world, store.id, code),
          ...writeTransactions(world, store.id, facts));
      }
    }
  }
  return files;
}

export async function generateDemo(options: DemoOptions): Promise<{ files: DemoFileInfo[]; first: string; last: string }> {
  const world = simulateWorld(options.seed ?? 1, options.today ?? DEFAULT_TODAY);
  const files = buildDemoFiles(world);
  const infos: DemoFileInfo[] = [];
  for (const file of files) {
    const path = join(options.outDir, file.path);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.content);
    const { content: _content, path: _rel, ...meta } = file;
    infos.push({ ...meta, path });
  }
  // the days the demo covers: its FX table needs a rate for each month of them
  return { files: infos, first: world.start, last: world.today };
}
