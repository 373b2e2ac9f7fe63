import { say } from '../../domain/messages.ts';
import { refusal, type TableFamily } from '../family.ts';
import { AliasIndex } from '../header.ts';
import { businessReportByDateAliases } from './aliases.ts';

const aliases = new AliasIndex(businessReportByDateAliases);

/**
 * Business Report "by Date": recognised so the seller gets a clear answer, but not loaded.
 * Its rows are account totals per day/week/month with no ASIN. Loaded into traffic/br_sales with
 * asin NULL they would be added to the by-child-item rows of the same days (double counting), and
 * order items would still be counted beside them, because the sales precedence matches by ASIN.
 */
export const businessReportByDate: TableFamily = {
  type: 'business_report_by_date',
  name: { en: 'Business Report: Sales and Traffic by Date', zh: '业务报告：按日期查看销售量与访问量' },
  format: 'table',
  writes: [],
  aliases,
  required: [],
  detect(header) {
    const columns = aliases.resolve(header);
    if (!columns.has('date') || !columns.has('sales') || !columns.has('units')) return false;
    return columns.size;
  },
  read: (_input, context) =>
    refusal(
      context,
      'unsupported_report',
      say('business_report_by_date'),
    ),
};
