import { say, type Texts } from '../domain/messages.ts';

/** What a file split per marketplace says (the texts in the message catalog). */

const count = (n: number) => n.toLocaleString('en');

/** Lines of a several-marketplace file that name no marketplace, and whose currency does not tell which of them. */
export function unplacedMessage(lines: number, currency: string | null, marketplaces: readonly string[]): Texts {
  const list = marketplaces.join(', ');
  const which = currency ? say('split_currency_ambiguous', { currency, marketplaces: list }) : say('split_no_currency', { marketplaces: list });
  return say('split_unplaced', { count: count(lines), which });
}

/** Transaction lines of the other source (payments or settlement) already on the file's days: both would count. */
export function bothSourcesMessage(lines: number, other: string, marketplaces: string): Texts {
  const names: Record<string, Texts> = {
    payments_date_range: { en: 'a payments (date range) report', zh: '付款日期范围报告' },
    settlement_v2: { en: 'a settlement report', zh: '结算报告' },
  };
  return say('counted_twice', { count: count(lines), source: names[other] ?? { en: other, zh: other }, marketplaces });
}
