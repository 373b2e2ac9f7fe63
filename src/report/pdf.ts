import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { AsterismError } from '../domain/errors.ts';
import { labels, t } from './labels.ts';
import type { Lang } from './report-data.ts';

/** Debian's Chromium and the launch arguments that work headless here (STACK.md). */
export const chromiumPath = '/usr/bin/chromium';
export const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** The report's HTML printed by headless Chromium: A4, page numbers in the footer. No request leaves the page. */
export async function printPdf(html: string, lang: Lang, executablePath = chromiumPath): Promise<Buffer> {
  if (!existsSync(executablePath)) {
    throw new AsterismError('bad_request', `PDF needs Chromium at ${executablePath}, which is missing: install it (apt-get install -y chromium), or choose --format html`);
  }
  const browser = await chromium.launch({ executablePath, args: chromiumArgs });
  try {
    const page = await browser.newPage();
    // the document is self-contained: anything it would fetch is refused, not waited for
    await page.route(/^(?!data:)/, (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    const footer = `<div style="font-size:8px;width:100%;text-align:center;color:#7b8794">${t(labels.page, lang)} <span class="pageNumber"></span> / <span class="totalPages"></span></div>`;
    return await page.pdf({
      format: 'A4', printBackground: true, displayHeaderFooter: true, headerTemplate: '<div></div>', footerTemplate: footer,
      margin: { top: '14mm', bottom: '16mm', left: '10mm', right: '10mm' },
    });
  } finally {
    await browser.close();
  }
}
