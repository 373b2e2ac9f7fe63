import type { QueryRow } from '../metrics/query.ts';

/**
 * The terminal's profit table (issue 15.9): every component of net profit, signed as it counts, so a
 * row reads left to right as its own sum — revenue + reimbursements − each cost = net profit. A cost
 * shows as a negative amount (a credit, such as a referral fee refunded in full, as a positive one);
 * an unknown component is "—" and counts 0, named in `missing`.
 */
export const profitAdded = ['revenue', 'reimbursements'] as const;
export const profitSubtracted = [
  'refunds', 'referral_fees', 'refund_admin_fees', 'fba_fees', 'promotions', 'other_fees', 'storage_fees', 'ad_cost',
  'cogs', 'freight', 'duties', 'payout_costs',
] as const;
const ratios = ['net_margin', 'roi', 'break_even_acos'] as const;

/** Columns after the dimensions: the components, net profit, then its ratios. */
export const profitTableColumns = [...profitAdded, ...profitSubtracted, 'net_profit', ...ratios];

/** Under the table: how to read it (components are rounded to the currency's minor unit; their sum may differ by one). */
export const profitTableNote = 'net_profit = revenue + reimbursements + the costs shown negative (— counts 0; each rounded to the minor unit, so the sum may differ by one) '
  + '/ 净利润 = 收入 + 赔偿收入 + 各项成本（负数显示，— 计为 0；各项已四舍五入到最小货币单位，合计可能相差 1 个单位）';

type Row = QueryRow & { estimated?: boolean };

export function profitTableRows(rows: readonly Row[]): Record<string, string | number | null>[] {
  return rows.map((r) => {
    const out: Record<string, string | number | null> = {};
    for (const [k, v] of Object.entries(r)) if (v === null || typeof v === 'string' || typeof v === 'number') out[k] = v;
    // with --compare, the previous period's cells (`previous.fba_fees`) read as the current ones do
    for (const k of profitSubtracted) {
      out[k] = typeof r[k] === 'number' ? negate(r[k]) : null;
      if (`previous.${k}` in r) out[`previous.${k}`] = typeof r[`previous.${k}`] === 'number' ? negate(r[`previous.${k}`] as number) : null;
    }
    for (const k of ratios) {
      out[k] = percent(r[k]);
      if (`previous.${k}` in r) out[`previous.${k}`] = percent(r[`previous.${k}`]);
    }
    out.missing = Object.values((r.missing ?? {}) as Record<string, string[]>)[0]?.join(' ') ?? '';
    out.estimated = r.estimated ? 'estimated' : '';
    return out;
  });
}

const percent = (v: unknown) => (typeof v === 'number' ? `${(v * 100).toFixed(1)}%` : null);

/** Under a table with --compare: a cost's change is the cost's own (a fee that grew is +), as in JSON. */
export const profitCompareNote = 'change.<cost> is the change of the cost itself: a cost that grew is + / change.<成本> 为成本本身的变化：成本增加为 +';

// 0 stays 0 (not −0, which prints as "0" but compares oddly)
const negate = (n: number) => (n === 0 ? 0 : -n);
