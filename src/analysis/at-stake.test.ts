import { describe, expect, test } from 'vitest';
import { inReportingCurrency, rankByStake, type AtStake } from './at-stake.ts';
import { diagnose } from './diagnose.ts';
import { buildFunnel } from './funnel.ts';
import { funnelInput } from './testing.ts';

const september = { from: '2026-09-01', to: '2026-09-30' };

describe('an SCP funnel with a weak CTR: the click finding\'s money at stake', () => {
  const row = buildFunnel(funnelInput({
    search: { source: 'scp', impressions: 41000, clicks: 127, cartAdds: 40, purchases: 12 },
    orders: 50, reviewsNew: 0,
  }));
  const [click, review] = diagnose(row, { window: september, price: { price: 25.99, currency: 'USD' } });

  test('impressions × (low − CTR) × (purchases ÷ clicks) × average selling price, worked by hand', () => {
    // shortfall: 41000 × 0.004 − 127 = 164 − 127 = 37 clicks; purchases per click 12 ÷ 127;
    // lost purchases 37 × 12 ÷ 127 = 444 ÷ 127 = 3.49606…; × 25.99 USD = 90.8626… → 90.86 USD
    expect(click?.stage).toBe('click');
    expect(click?.at_stake).toMatchObject({ amount: 90.86, currency: 'USD', lost_purchases: 3.4961, reason: null, reporting: null });
    expect(click?.at_stake.formula.en).toMatch(/impressions × \(CTR low bound − CTR\)/);
  });

  test('a review finding is not sales: null with a reason, in zh and en', () => {
    expect(review?.stage).toBe('review');
    expect(review?.at_stake).toMatchObject({ amount: null, reason: { code: 'not_sales' } });
    expect(review?.at_stake.reason?.zh).toMatch(/评论/);
  });

  test('no price, or several currencies: null with the reason', () => {
    const [noPrice] = diagnose(row, { window: september });
    expect(noPrice?.at_stake).toMatchObject({ amount: null, lost_purchases: 3.4961, reason: { code: 'no_price' } });
    const [mixed] = diagnose(row, { window: september, price: { price: null, currency: null, mixed: true } });
    expect(mixed?.at_stake.reason?.code).toBe('mixed_currency');
  });

  test('in a reporting currency at the given rate, or null with a reason without one', () => {
    const stake = click?.at_stake as AtStake;
    // 90.86 USD × 7.1 = 645.106 → 645.11 CNY
    expect(inReportingCurrency(stake, 'CNY', { rate: '7.1', date: '2026-09-30' }).reporting).toEqual({ amount: 645.11, currency: 'CNY', rate: '7.1', rate_date: '2026-09-30', reason: null });
    expect(inReportingCurrency(stake, 'CNY', null).reporting).toMatchObject({ amount: null, reason: { code: 'no_rate' } });
    expect(inReportingCurrency(stake, 'USD', null).reporting).toMatchObject({ amount: 90.86, reason: null });
  });
});

test('order stage: clicks × (low − order rate) × average selling price; a JPY amount has no minor unit', () => {
  const row = buildFunnel(funnelInput({ search: { source: 'scp', impressions: 10000, clicks: 80, cartAdds: 40, purchases: 3 } }));
  const order = diagnose(row, { window: september, price: { price: 1980, currency: 'JPY' } }).find((f) => f.stage === 'order');
  // order rate 3 ÷ 80 = 0.0375 < 0.08: shortfall 80 × 0.08 − 3 = 6.4 − 3 = 3.4 purchases; × 1980 JPY = 6732 JPY
  expect(order?.at_stake).toMatchObject({ amount: 6732, currency: 'JPY', lost_purchases: 3.4 });
});

describe('ranking by money at stake', () => {
  const stake = (amount: number | null, currency: string | null, reporting?: number | null): AtStake => ({
    amount, currency, lost_purchases: null, formula: { zh: '', en: '' }, reason: null,
    reporting: reporting === undefined ? null : { amount: reporting, currency: 'CNY', rate: null, rate_date: null, reason: null },
  });
  const f = (id: string, at_stake: AtStake, severity = 'warning') => ({ id, at_stake, severity });

  test('largest first; unknown last, critical before warning', () => {
    const ranked = rankByStake([f('a', stake(12.5, 'USD')), f('b', stake(null, null)), f('c', stake(90.86, 'USD')), f('d', stake(null, null), 'critical'), f('e', stake(40, 'USD'))]);
    expect(ranked.map((x) => x.id)).toEqual(['c', 'e', 'a', 'd', 'b']);
  });

  test('without a reporting currency each currency ranks apart; with one, all together by the converted amount', () => {
    const findings = [f('usd-small', stake(10, 'USD', 71)), f('eur-big', stake(500, 'EUR', 3900)), f('usd-big', stake(100, 'USD', 710))];
    expect(rankByStake(findings.map((x) => ({ ...x, at_stake: { ...x.at_stake, reporting: null } }))).map((x) => x.id)).toEqual(['eur-big', 'usd-big', 'usd-small']);
    expect(rankByStake(findings).map((x) => x.id)).toEqual(['eur-big', 'usd-big', 'usd-small']);
    const cheapEur = [f('eur', stake(5, 'EUR', 39)), f('usd', stake(100, 'USD', 710))];
    expect(rankByStake(cheapEur.map((x) => ({ ...x, at_stake: { ...x.at_stake, reporting: null } }))).map((x) => x.id)).toEqual(['eur', 'usd']); // EUR before USD by code
    expect(rankByStake(cheapEur).map((x) => x.id)).toEqual(['usd', 'eur']); // 710 CNY > 39 CNY
  });
});
