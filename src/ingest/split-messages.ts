import { say, type Texts } from '../domain/messages.ts';

/** What a file split per marketplace says (the texts in the message catalog). */

const count = (n: number) => n.toLocaleString('en');

/** Lines of a several-marketplace file that name no marketplace, and whose currency does not tell which of them. */
export function unplacedMessage(lines: number, currency: string | null, marketplaces: readonly string[]): Texts {
  const list = marketplaces.join(', ');
  const which = currency ? say('split_currency_ambiguous', { currency, marketplaces: list }) : say('split_no_currency', { marketplaces: list });
  return say('split_unplaced', { count: count(lines), which });
}

/** Payments lines a settlement covers: profit counts the settlement's lines for them (src/store/counted-transactions.ts). */
export function settlementWinsMessage(lines: number, marketplaces: string): Texts {
  return say('settlement_counted', { count: count(lines), marketplaces });
}
