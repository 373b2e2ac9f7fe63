import { resolve } from 'node:path';

/**
 * A missed October for li (test/fixtures/kpi-explain, files in the real formats), imported as a seller
 * would: products (li owns the grey and the blue bath mat), Business Reports by child item for
 * 1–7 June (so both are mature by October), September and October, SP advertised-product reports,
 * monthly SCP for September and October, FBA inventory snapshots (the blue mat at 0 on 20–23 October),
 * events and a targets file.
 *
 *            sessions  units  sales      SCP impr.  clicks  cart  purchases   ad sales (same SKU)
 *  Sep grey    1000      50   1,250.00     30000     300     75      30          500.00
 *  Sep blue     500      25     500.00     20000     150     40      15            —
 *  Oct grey    1200      48   1,152.00     40000     280     70      28          600.00
 *  Oct blue     400      16     320.00     20000     120     18       8            —
 */
export const kpiExplainDir = resolve('test/fixtures/kpi-explain');

/** [files, import options] in the order a seller would import them */
export const kpiExplainImports: [string[], Record<string, string>][] = [
  [['products.csv', 'events.csv', 'targets.csv', 'scp-2026-09.json', 'scp-2026-10.json', 'sp-advertised-product-2026-09.csv', 'sp-advertised-product-2026-10.csv'], { marketplace: 'US' }],
  [['br-2026-06-01-07.csv'], { marketplace: 'US', from: '2026-06-01', to: '2026-06-07' }],
  [['br-2026-09.csv'], { marketplace: 'US', from: '2026-09-01', to: '2026-09-30' }],
  [['br-2026-10.csv'], { marketplace: 'US', from: '2026-10-01', to: '2026-10-31' }],
  ...['2026-09-30', '2026-10-20', '2026-10-21', '2026-10-22', '2026-10-23', '2026-10-24']
    .map((date): [string[], Record<string, string>] => [[`inventory-${date}.txt`], { marketplace: 'US', date }]),
];
