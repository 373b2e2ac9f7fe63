import { Decimal } from 'decimal.js';
import { currencyDigits, marketplaceByCode } from '../domain/marketplaces.ts';
import { round4 } from '../analysis/ratio.ts';
import type { Database } from '../store/database.ts';
import { adLevelRows, adSpan, type AdFactRow } from '../store/ad-facts.ts';
import { answerQuery } from './answer-query.ts';

/**
 * The Ads page's table (issue 21): portfolio → campaign → ad group → target → search term per ad type and attribution
 * window (SP, SB, SD side by side, never summed across windows). Targets and everything above them are summed from
 * one report level, the targeting report (else the search-term report, which lists only terms with clicks: the
 * node says which); search terms come from the search-term report. TACoS = ad spend ÷ all sales (the catalog's sales).
 */
export interface HierarchyNode {
  id: string;
  parent: string | null;
  level: 'ad_type' | 'portfolio' | 'campaign' | 'ad_group' | 'target' | 'search_term';
  name: string;
  ad_type: string;
  attribution_days: number | null;
  source: 'targeting' | 'search_term';
  match_type: string | null;
  currency: string;
  impressions: number | null;
  clicks: number;
  spend: string;
  sales: string;
  orders: number;
  acos: number | null;
  roas: number | null;
  cpc: string | null;
  ctr: number | null;
  cvr: number | null;
  tacos: number | null;
}

export async function adsHierarchy(db: Database, r: { store?: string | undefined; marketplace?: string | undefined; from?: string | undefined; to?: string | undefined }) {
  const out: { store: string; marketplace: string; from: string; to: string; sales: string | null; nodes: HierarchyNode[] }[] = [];
  for (const span of await adSpan(db, r.store ?? null, r.marketplace ?? null)) {
    const f = { store: span.store, marketplace: span.marketplace, from: r.from ?? span.from, to: r.to ?? span.to };
    const [targets, terms] = await Promise.all([adLevelRows(db, f, 'targeting'), adLevelRows(db, f, 'search_term')]);
    const sales = await allSales(db, f);
    const fallback = marketplaceByCode(f.marketplace)?.currency ?? 'USD';
    const nodes: HierarchyNode[] = [];
    const groups = new Map<string, { ad_type: string; days: number | null }>();
    for (const x of [...targets, ...terms]) groups.set(`${x.ad_type}:${x.attribution_days}`, { ad_type: x.ad_type, days: x.attribution_days });
    for (const g of groups.values()) {
      const inGroup = (x: AdFactRow) => x.ad_type === g.ad_type && x.attribution_days === g.days;
      const ownTargets = targets.filter(inGroup);
      const ownTerms = terms.filter(inGroup);
      const source = ownTargets.length ? 'targeting' as const : 'search_term' as const;
      const base = source === 'targeting' ? ownTargets : ownTerms;
      const currency = base.find((x) => x.currency)?.currency ?? fallback;
      const node = (id: string, parent: string | null, level: HierarchyNode['level'], name: string, rows: readonly AdFactRow[], match: string | null, src = source): HierarchyNode => {
        const sum = totals(rows);
        const digits = currencyDigits(currency);
        const spend = new Decimal(sum.spend);
        const s = new Decimal(sum.sales);
        return {
          id, parent, level, name, ad_type: g.ad_type, attribution_days: g.days, source: src, match_type: match, currency,
          impressions: sum.impressions, clicks: sum.clicks, spend: spend.toFixed(digits), sales: s.toFixed(digits), orders: sum.orders,
          acos: s.isZero() ? null : round4(spend.div(s).toNumber()), roas: spend.isZero() ? null : round4(s.div(spend).toNumber()),
          cpc: sum.clicks ? spend.div(sum.clicks).toFixed(digits) : null, ctr: sum.impressions ? round4(sum.clicks / sum.impressions) : null,
          cvr: sum.clicks ? round4(sum.orders / sum.clicks) : null,
          tacos: level === 'ad_type' && sales !== null && !new Decimal(sales).isZero() ? round4(spend.div(sales).toNumber()) : null,
        };
      };
      const top = `${g.ad_type}:${g.days ?? ''}`;
      nodes.push(node(top, null, 'ad_type', `${g.ad_type}${g.days ? ` · ${g.days}d` : ''}`, base, null));
      for (const [portfolio, pRows] of groupBy(base, (x) => x.portfolio ?? '—')) {
        const pid = `${top}|${portfolio}`;
        nodes.push(node(pid, top, 'portfolio', portfolio, pRows, null));
        for (const [campaign, cRows] of groupBy(pRows, (x) => x.campaign)) {
          const cid = `${pid}|${campaign}`;
          nodes.push(node(cid, pid, 'campaign', campaign, cRows, null));
          for (const [adGroup, aRows] of groupBy(cRows, (x) => x.ad_group ?? '—')) {
            const aid = `${cid}|${adGroup}`;
            nodes.push(node(aid, cid, 'ad_group', adGroup, aRows, null));
            for (const [target, tRows] of groupBy(aRows, (x) => `${x.targeting ?? '—'}\u001f${x.match_type ?? ''}`)) {
              const [name = '—', match = ''] = target.split('\u001f');
              const tid = `${aid}|${target}`;
              nodes.push(node(tid, aid, 'target', name, tRows, match || null));
              const termRows = ownTerms.filter((x) => x.campaign === campaign && (x.ad_group ?? '—') === adGroup && (x.targeting ?? '—') === name && (x.match_type ?? '') === match);
              for (const [term, sRows] of groupBy(termRows, (x) => x.search_term ?? '—')) nodes.push(node(`${tid}|${term}`, tid, 'search_term', term, sRows, null, 'search_term'));
            }
          }
        }
      }
    }
    out.push({ ...f, sales, nodes });
  }
  return { markets: out };
}

function totals(rows: readonly AdFactRow[]) {
  let impressions: number | null = 0;
  let clicks = 0;
  let orders = 0;
  let spend = new Decimal(0);
  let sales = new Decimal(0);
  for (const x of rows) {
    impressions = impressions === null || x.impressions === null ? null : impressions + x.impressions;
    clicks += x.clicks;
    orders += x.orders;
    spend = spend.add(x.spend);
    sales = sales.add(x.sales);
  }
  return { impressions, clicks, orders, spend: spend.toString(), sales: sales.toString() };
}

/** Siblings grouped, the largest spend first (where the money goes is what the specialist reads first). */
function groupBy(rows: readonly AdFactRow[], key: (r: AdFactRow) => string): [string, AdFactRow[]][] {
  const m = new Map<string, AdFactRow[]>();
  for (const r of rows) m.set(key(r), [...(m.get(key(r)) ?? []), r]);
  const spend = (list: readonly AdFactRow[]) => list.reduce((a, x) => a.add(x.spend), new Decimal(0));
  return [...m.entries()].sort((a, b) => spend(b[1]).cmp(spend(a[1])) || a[0].localeCompare(b[0]));
}

/** All sales in the period (the catalog's `sales`), for TACoS; null when the store has none to say. */
async function allSales(db: Database, f: { store: string; marketplace: string; from: string; to: string }): Promise<string | null> {
  try {
    const answer = await answerQuery(db, { metrics: ['sales'], store: f.store, marketplace: f.marketplace, from: f.from, to: f.to });
    const v = answer.rows[0]?.sales;
    return typeof v === 'number' || typeof v === 'string' ? String(v) : null;
  } catch {
    return null;
  }
}
