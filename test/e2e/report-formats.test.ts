import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { chromium } from 'playwright-core';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { LocalAsterism } from '../../src/app/local.ts';
import { renderReport, sections, type Lang, type ReportData } from '../../src/report/index.ts';
import { chromiumArgs, chromiumPath } from '../../src/report/pdf.ts';
import { importReportScenario } from '../scenarios/report-scenario.ts';

/**
 * The weekly review of the report scenario in both languages and all four formats, opened and read
 * back: HTML in Chromium (no request leaves the page), PDF printed by Chromium and read with pdfjs,
 * XLSX read with exceljs, Markdown as text.
 */
const ci = process.env.CI === 'true';
const haveChromium = existsSync(chromiumPath);
if (!haveChromium && !ci) console.warn(`report PDF and HTML browser tests skipped: ${chromiumPath} is missing (apt-get install -y chromium). With CI=true they fail instead.`);

let dir: string;
let data: ReportData;
const langs: Lang[] = ['zh', 'en'];
// what each language must show: the document title, a section title, the week's sales with its currency
const expected = {
  zh: { title: '周复盘 2026-W42', section: '核心指标', sales: '销售额', money: 'USD 1,085.00', change: '-8.8%' },
  en: { title: 'Weekly review 2026-W42', section: 'Headline KPIs', sales: 'Sales (ordered product sales)', money: 'USD 1,085.00', change: '-8.8%' },
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asterism-report-formats-'));
  const api = await LocalAsterism.open(join(dir, 'report.duckdb'));
  await importReportScenario(api, join(dir, 'files'));
  data = (await api.run('report', { kind: 'weekly', period: '2026-W42' })) as ReportData;
  await api.close();
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(langs)('weekly review in %s', (lang) => {
  const want = expected[lang];

  test('Markdown: a heading per section and the table rows', async () => {
    const md = (await renderReport(data, 'md', lang)).toString('utf8');
    expect(md.startsWith(`# ${want.title}`)).toBe(true);
    for (const s of sections) expect(md).toContain(`## ${s[lang]}`);
    // sales 1085.00 against 1190.00: (1085 − 1190) / 1190 = −8.8%; a year ago unknown: "—"
    expect(md).toContain(`| ${want.sales} | ${want.money} | USD 1,190.00 | ${want.change} | — | — |`);
    expect(md).toContain('| US | DEFECTIVE | 2 | 1 |');
  });

  test('XLSX: one sheet per section, numbers as numbers with formats, bold frozen header', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await renderReport(data, 'xlsx', lang)) as unknown as ArrayBuffer);
    const names = book.worksheets.map((w) => w.name);
    expect(names.slice(1)).toEqual(sections.map((s) => s[lang].slice(0, 31)));
    const headline = book.getWorksheet(sections[0]?.[lang] ?? '');
    const cells: ExcelJS.Cell[] = [];
    headline?.eachRow((row) => row.eachCell((c) => { cells.push(c); }));
    const sales = cells.find((c) => c.value === 1085);
    expect(sales?.numFmt).toBe('#,##0.00 "USD"');
    expect(cells.find((c) => c.value === 0.042857)?.numFmt).toBe('0.00%'); // unit session %
    expect(cells.find((c) => c.value === -0.0882)?.numFmt).toMatch(/%/); // the WoW change of sales
    const header = headline?.getRow(2);
    expect(header?.font?.bold).toBe(true);
    expect(headline?.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    const kpi = book.getWorksheet(sections.find((s) => s.id === 'kpi')?.[lang] ?? '');
    const attainment: ExcelJS.Cell[] = [];
    kpi?.eachRow((row) => row.eachCell((c) => { if (c.value === 0.945) attainment.push(c); }));
    expect(attainment[0]?.numFmt).toBe('0.0%');
  });

  describe.skipIf(!haveChromium && !ci)('in Chromium', () => {
    test('HTML: self-contained, inline SVG charts, zero requests leave the page', async () => {
      const html = (await renderReport(data, 'html', lang)).toString('utf8');
      expect(html).toContain('<svg');
      expect(html).toContain('<link rel="icon" href="data:,">');
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\//i);
      const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
      try {
        const page = await browser.newPage();
        const requests: string[] = [];
        page.on('request', (r) => { if (!r.url().startsWith('data:')) requests.push(r.url()); });
        await page.setContent(html, { waitUntil: 'load' });
        expect(requests).toEqual([]);
        expect(await page.locator('h1').textContent()).toBe(want.title);
        expect(await page.locator('svg').count()).toBeGreaterThan(2);
        expect(await page.locator('section#headline td').allTextContents()).toContain(want.money);
        // a good change is green and a bad one red: sales −8.8% is bad
        expect(await page.locator('section#headline td.bad').first().textContent()).toBe(want.change);
      } finally {
        await browser.close();
      }
    }, 60_000);

    test('PDF: printed by Chromium on A4 with page numbers; its text reads back', async () => {
      const pdf = await renderReport(data, 'pdf', lang);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const doc = await getDocument({ data: new Uint8Array(pdf) }).promise;
      expect(doc.numPages).toBeGreaterThan(1);
      const first = await doc.getPage(1);
      const [, , width, height] = first.view;
      // A4 is 595.3 × 841.9 points; Chromium rounds the page up to whole CSS pixels
      expect(Math.abs((width ?? 0) - 595.3)).toBeLessThan(2);
      expect(Math.abs((height ?? 0) - 841.9)).toBeLessThan(2);
      let text = '';
      for (let i = 1; i <= doc.numPages; i++) {
        const content = await (await doc.getPage(i)).getTextContent();
        text += `${content.items.map((item) => ('str' in item ? item.str : '')).join('')}\n`;
      }
      // the PDF's text maps some CJK glyphs to Kangxi radicals (⼼ for 心): NFKC folds them back
      const flat = text.normalize('NFKC').replace(/\s+/g, '');
      for (const s of [want.title, want.section, want.money]) expect(flat).toContain(s.replace(/\s+/g, ''));
      // the footer's page numbers ("页" may come back as the radical ⻚, which NFKC leaves alone)
      expect(flat).toMatch(lang === 'zh' ? new RegExp(`[页⻚]${doc.numPages}/${doc.numPages}`) : new RegExp(`Page${doc.numPages}/${doc.numPages}`));
      await doc.destroy();
    }, 60_000);
  });
});
