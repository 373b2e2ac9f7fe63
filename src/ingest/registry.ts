import { businessReportByDate } from './business-report-by-date/family.ts';
import { businessReportChild } from './business-report-child/family.ts';
import type { JsonFamily, ReportFamily, TableFamily } from './family.ts';
import type { HeaderColumn } from './header.ts';
import { salesTrafficJson } from './sales-traffic-json/family.ts';

/** Every report family Asterism can recognise. A new family is one import and one entry here. */
export const reportFamilies: readonly ReportFamily[] = [businessReportChild, businessReportByDate, salesTrafficJson];

export function familyByType(type: string): ReportFamily | undefined {
  return reportFamilies.find((f) => f.type === type);
}

/** The table family whose detect scores this header highest, if any recognises it. */
export function detectTableFamily(header: readonly HeaderColumn[]): { family: TableFamily; score: number } | undefined {
  let best: { family: TableFamily; score: number } | undefined;
  for (const family of reportFamilies) {
    if (family.format !== 'table') continue;
    const score = family.detect(header);
    if (score !== false && (!best || score > best.score)) best = { family, score };
  }
  return best;
}

export function detectJsonFamily(doc: unknown): JsonFamily | undefined {
  let best: { family: JsonFamily; score: number } | undefined;
  for (const family of reportFamilies) {
    if (family.format !== 'json') continue;
    const score = family.detect(doc);
    if (score !== false && (!best || score > best.score)) best = { family, score };
  }
  return best?.family;
}

/** names to quote when nothing matched */
export function knownReportNames(): string {
  return reportFamilies.map((f) => f.name.en).join('; ');
}
