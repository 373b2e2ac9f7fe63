import { marketplaceByAmazonId, marketplaceByCode, marketplaceBySalesChannel, marketplaceByUniqueCurrency } from '../domain/marketplaces.ts';
import type { MarketplaceEvidence } from './family.ts';

const dollars = new Set(['USD', 'CAD', 'AUD', 'MXN', 'SGD', 'BRL']);

/**
 * The file's marketplace where it says so (marketplace id, sales channel, a currency only one
 * marketplace uses), else the one given on the command line. A file that names one marketplace
 * while the command line names another is refused rather than silently filed under either.
 */
export function resolveMarketplace(evidence: MarketplaceEvidence, given: string | undefined): { code: string } | { error: string } {
  const byName = new Map<string, string>();
  for (const id of evidence.amazonIds ?? []) {
    const m = marketplaceByAmazonId(id);
    if (!m) return { error: `marketplace id ${id} is not one Asterism knows` };
    byName.set(m.code, `marketplace id ${id}`);
  }
  for (const channel of evidence.salesChannels ?? []) {
    const m = marketplaceBySalesChannel(channel);
    if (m) byName.set(m.code, `sales channel ${channel}`);
  }
  const named = new Set(evidence.currencies ?? []);
  // a bare `$` is some dollar: it agrees with USD, CAD, AUD …, not with £ or €
  if (named.has('$') && [...named].some((c) => c !== '$' && !dollars.has(c))) {
    return { error: `the file's amounts are in several currencies (${[...named].sort().join(', ')}): split it per marketplace` };
  }
  named.delete('$');
  const currencies = [...named];
  if (currencies.length > 1) return { error: `the file's amounts are in several currencies (${currencies.join(', ')}): split it per marketplace` };
  const byCurrency = currencies[0] ? marketplaceByUniqueCurrency(currencies[0]) : undefined;
  if (byCurrency && byName.size === 0) byName.set(byCurrency.code, `amounts in ${currencies[0]}`);
  if (byName.size > 1) return { error: `the file names several marketplaces (${[...byName.keys()].join(', ')}): import one marketplace per file` };
  const [fileCode, why] = [...byName.entries()][0] ?? [];
  const option = given ? marketplaceByCode(given)?.code : undefined;
  if (fileCode) {
    if (option && option !== fileCode) return { error: `the file is for ${fileCode} (${why}) but --marketplace says ${option}` };
    return { code: fileCode };
  }
  if (option) return { code: option };
  const hint = currencies[0] ? `amounts in ${currencies[0]} are used by several marketplaces` : 'it names no marketplace id, sales channel or single-marketplace currency ($ alone is several)';
  return { error: `cannot tell which marketplace this file is for (${hint}): give --marketplace, e.g. --marketplace US` };
}
