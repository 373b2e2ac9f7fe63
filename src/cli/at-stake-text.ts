import type { AtStake } from '../analysis/index.ts';
import { moneyText } from '../domain/currencies.ts';

/** A finding's money at stake in a terminal cell: `90.86 USD`, with `(645.11 CNY)` when converted; `—` and the
 * reason's code when unknown (the reason's text is printed once beneath the table). */
export function stakeText(s: AtStake, lang: 'zh' | 'en'): string {
  const own = s.amount === null ? `— ${s.reason?.code ?? ''}`.trim() : `${moneyText(s.amount, s.currency)} ${s.currency}`;
  if (!s.reporting || s.reporting.currency === s.currency) return own;
  const converted = s.reporting.amount === null ? `— ${s.reporting.reason?.code ?? ''}`.trim() : `${moneyText(s.reporting.amount, s.reporting.currency)} ${s.reporting.currency}`;
  return lang === 'zh' ? `${own}（${converted}）` : `${own} (${converted})`;
}
