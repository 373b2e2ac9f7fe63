import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { resolve } from 'node:path';
import { browserTestsRun, serveDashboard, type ServedDashboard } from './web-harness.ts';

/** The Data page's Undo button (issue 14): a restating import undone from the browser, in Chinese. */
const run = browserTestsRun('dashboard undo test');
let served: ServedDashboard | undefined;
const fixture = (name: string) => resolve('test/fixtures/ingest/replace', name);
const november = { marketplace: 'US', from: '2018-11-01', to: '2018-11-30' };

describe.skipIf(!run)('undo on the Data page', () => {
  beforeAll(async () => {
    served = await serveDashboard('undo', async (api) => {
      for (const file of ['campaigns-sp-sb.csv', 'campaigns-sp-restated.csv']) {
        const { files } = await api.importFiles([fixture(file)], november);
        expect(files.map((f) => f.status)).toEqual(['imported']);
      }
    });
  }, 120_000);
  afterAll(async () => served?.close());

  test('confirm, then the replaced rows are back and the row reads undone', async () => {
    if (!served) throw new Error('not served');
    const context = await served.browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const asked: string[] = [];
    page.on('dialog', (d) => { asked.push(d.message()); void d.accept(); });
    await page.goto(`${served.base}/data`);
    await page.locator('button[data-undo="2"]').click();
    // 撤销导入 2: its 2 rows out, the 2 SP rows it replaced back
    await expect.poll(() => page.locator('[data-undo-result]').textContent()).toBe('已撤销导入 2：移除 2 行，恢复 2 行。');
    expect(asked).toEqual(['撤销导入 2（campaigns-sp-restated.csv）？将移除其 2 行，并恢复它替换掉的 2 行。']);
    await expect.poll(() => page.locator('[data-table="sources"] [data-undone]').count()).toBe(1);
    expect(await page.locator('button[data-undo="2"]').count()).toBe(0);
    // the first file's spend again: 25.50 + 1.10 + 12.40
    expect(await served.api.db.all('SELECT sum(spend) AS spend FROM ads')).toEqual([{ spend: '39.0000' }]);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
