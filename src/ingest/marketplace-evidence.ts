import { marketplaceByAmazonId, marketplaceByCode, marketplaceBySalesChannel, marketplaceByUniqueCurrency } from '../domain/marketplaces.ts';
import { say, type Texts } from '../domain/messages.ts';
import type { MarketplaceEvidence } from './family.ts';

const dollars = new Set(['USD', 'CAD', 'AUD', 'MXN', 'SGD', 'BRL']);

/**
 * The file's marketplace where it says so (marketplace id, sales channel, a currency only one
 * marketplace uses), else the one given on the command line. A file that names one marketplace
 * while the command line names another is refused rather than silently filed under either.
 */
export function resolveMarketplace(evidence: MarketplaceEvidence, given: string | undefined): { code: string } | { error: Texts } {
  const byName = new Map<string, string>();
  for (const id of evidence.amazonIds ?? []) {
    const m = marketplaceByAmazonId(id);
    if (!m) return { error: say('unknown_marketplace_id', { id }) };
    byName.set(m.code, `marketplace id ${id}`);
  }
  for (const channel of evidence.salesChannels ?? []) {
    const m = marketplaceBySalesChannel(channel);
    if (m) byName.set(m.code, `sales channel ${channel}`);
  }
  const named = new Set(evidence.currencies ?? []);
  // a bare `$` is some dollar: it agrees with USD, CAD, AUD …, not with £ or €
  if (named.has('$') && [...named].some((c) => c !== '$' && !dollars.has(c))) {
    return { error: say('several_currencies', { currencies: [...named].sort().join(', ') }) };
  }
  named.delete('$');
  const currencies = [...named];
  if (currencies.length > 1) return { error: say('several_currencies', { currencies: currencies.join(', ') }) };
  const byCurrency = currencies[0] ? marketplaceByUniqueCurrency(currencies[0]) : undefined;
  if (byCurrency && byName.size === 0) byName.set(byCurrency.code, `amounts in ${currencies[0]}`);
  if (byName.size > 1) return { error: say('several_marketplaces', { marketplaces: [...byName.keys()].join(', ') }) };
  const [fileCode, why] = [...byName.entries()][0] ?? [];
  const option = given ? marketplaceByCode(given)?.code : undefined;
  if (fileCode) {
    if (option && option !== fileCode) return { error: say('marketplace_conflict', { file_marketplace: fileCode, why: why ?? '', given: option }) };
    return { code: fileCode };
  }
  if (option) return { code: option };
  return { error: currencies[0] ? say('marketplace_unknown_currency_shared', { currency: currencies[0] }) : say('marketplace_unknown') };
}

/**
 * The marketplaces a file of a family that names one per line (`splitsByMarketplace`) is for: every one its
 * lines name, when they name more than one (the file is then imported split, each marketplace in its own
 * currency, so the one-currency rule does not apply); undefined when they name one or none, which
 * `resolveMarketplace` decides as for any file. A marketplace id or sales channel Asterism does not know is
 * left to `resolveMarketplace` too (refused there, naming it).
 */
export function splitMarketplaces(evidence: MarketplaceEvidence): string[] | undefined {
  const named = new Set<string>();
  for (const id of evidence.amazonIds ?? []) {
    const m = marketplaceByAmazonId(id);
    if (!m) return undefined;
    named.add(m.code);
  }
  for (const channel of evidence.salesChannels ?? []) {
    const m = marketplaceBySalesChannel(channel);
    if (m) named.add(m.code);
  }
  return named.size > 1 ? [...named].sort() : undefined;
}
