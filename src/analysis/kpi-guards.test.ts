import { describe, expect, test } from 'vitest';
import { kpiGuards, guardTargets, type GuardTarget } from './kpi-guards.ts';

const us = { marketplace: 'US' };
const t = (kpi: string, more: Partial<GuardTarget> = {}): GuardTarget => ({
  kpi, scope: us, owner: '张三', role: 'operator', target: 1, priority: null, history: null, benchmark: null, ...more,
});
const fired = (code: keyof typeof kpiGuards, targets: GuardTarget[]) => kpiGuards[code](targets);

describe('result KPI without a process KPI', () => {
  test('fires for sales alone, naming it, in both languages', () => {
    const [f, ...rest] = fired('result_without_process', [t('sales'), t('units')]);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ guard: 'result_without_process', kpis: ['sales', 'units'], owner: '张三' });
    expect(f?.message.zh).toContain('销售额');
    expect(f?.message.en).toContain('Sales');
  });
  test('does not fire when the same scope and owner has a process KPI (CTR)', () => {
    expect(fired('result_without_process', [t('sales'), t('ctr')])).toEqual([]);
  });
  test('a process KPI of another owner does not count', () => {
    expect(fired('result_without_process', [t('sales'), t('ctr', { owner: '李四' })])).toHaveLength(1);
  });
});

describe('conflicting KPIs without a priority', () => {
  test('fires for ad impressions up and ACoS down with no priorities', () => {
    expect(fired('conflict_without_priority', [t('ad_impressions'), t('acos')])).toMatchObject([{ kpis: ['ad_impressions', 'acos'] }]);
  });
  test('fires when both have the same priority', () => {
    expect(fired('conflict_without_priority', [t('ad_impressions', { priority: 1 }), t('acos', { priority: 1 })])).toHaveLength(1);
  });
  test('does not fire with distinct priorities, or for a pair that does not conflict', () => {
    expect(fired('conflict_without_priority', [t('ad_impressions', { priority: 1 }), t('acos', { priority: 2 })])).toEqual([]);
    expect(fired('conflict_without_priority', [t('sales'), t('acos')])).toEqual([]);
  });
});

describe('target far from the benchmark', () => {
  const acos = { low: 0.25, high: 0.35, from: 'default:US:mature' };
  test('fires for the seeds\' example: ACoS 15% against 25–35% (15% < 25% ÷ 1.5 = 16.7%)', () => {
    const [f] = fired('target_vs_benchmark', [t('acos', { target: 0.15, benchmark: acos })]);
    expect(f?.evidence).toEqual({ target: 0.15, low: 0.25, high: 0.35, benchmark: 'default:US:mature' });
    expect(f?.message.en).toContain('15%');
  });
  test('fires far above too: ACoS 60% > 35% × 1.5 = 52.5%', () => {
    expect(fired('target_vs_benchmark', [t('acos', { target: 0.6, benchmark: acos })])).toHaveLength(1);
  });
  test('does not fire at 18% (> 16.7%) or at 50% (< 52.5%), nor without a benchmark', () => {
    expect(fired('target_vs_benchmark', [t('acos', { target: 0.18, benchmark: acos }), t('acos', { target: 0.5, benchmark: acos })])).toEqual([]);
    expect(fired('target_vs_benchmark', [t('sales', { target: 999999 })])).toEqual([]);
  });
  test('a one-sided benchmark judges its one side: ODR target 2% > 1% × 1.5', () => {
    const odr = { low: null, high: 0.01, from: 'default:US:mature' };
    expect(fired('target_vs_benchmark', [t('odr', { target: 0.02, benchmark: odr })])).toHaveLength(1);
    expect(fired('target_vs_benchmark', [t('odr', { target: 0.005, benchmark: odr })])).toEqual([]);
  });
});

describe('target far from the scope\'s own history', () => {
  test('fires above 2× and below ½ of the last comparable period', () => {
    // 9000 / 4000 = 2.25; 1500 / 4000 = 0.375
    expect(fired('target_vs_history', [t('sales', { target: 9000, history: 4000 })])).toMatchObject([{ evidence: { ratio: 2.25 } }]);
    expect(fired('target_vs_history', [t('sales', { target: 1500, history: 4000 })])).toMatchObject([{ evidence: { ratio: 0.38 } }]);
  });
  test('does not fire at exactly 2× or ½, nor without history', () => {
    expect(fired('target_vs_history', [t('sales', { target: 8000, history: 4000 }), t('sales', { target: 2000, history: 4000 })])).toEqual([]);
    expect(fired('target_vs_history', [t('sales', { target: 8000, history: null }), t('sales', { target: 8000, history: 0 })])).toEqual([]);
  });
});

describe('a KPI given to a role that cannot move it', () => {
  test('fires for late shipments given to an operator (seeds: logistics is not the operator\'s)', () => {
    const [f] = fired('role_cannot_move', [t('late_shipment_rate', { role: '运营' })]);
    expect(f?.message.zh).toContain('运营无法左右迟发率');
  });
  test('does not fire for the warehouse, the manager, or sales for an operator', () => {
    expect(fired('role_cannot_move', [
      t('late_shipment_rate', { role: 'warehouse' }), t('late_shipment_rate', { role: '店长' }), t('sales', { role: 'operator' }),
    ])).toEqual([]);
  });
  test('an unknown role is named by its own guard', () => {
    expect(fired('unknown_role', [t('sales', { role: 'intern' })])).toHaveLength(1);
    expect(fired('unknown_role', [t('sales', { role: '客服' }), t('sales', { role: null })])).toEqual([]);
  });
});

test('a KPI that is not in the catalog is an error', () => {
  expect(fired('unknown_kpi', [t('gmv')])).toMatchObject([{ severity: 'error', kpis: ['gmv'] }]);
  expect(fired('unknown_kpi', [t('sales')])).toEqual([]);
});

test('a sound plan raises nothing', () => {
  expect(guardTargets([
    t('sales', { target: 5000, history: 4000, priority: 1 }),
    t('ctr', { target: 0.006, benchmark: { low: 0.004, high: 0.012, from: 'default:US:mature' } }),
    t('acos', { role: 'ads', target: 0.25, priority: 2, benchmark: { low: 0.25, high: 0.35, from: 'default:US:mature' } }),
    t('ad_impressions', { role: 'ads', target: 100000, priority: 1 }),
  ])).toEqual([]);
});
