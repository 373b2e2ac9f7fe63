import { describe, expect, test } from 'vitest';
import { abcClasses, basketPairs, moverOf, sellThroughShare } from './catalogue-health.ts';

describe('ABC classes', () => {
  test('sales 500, 300, 100, 60, 40 (total 1000): A while the share before is under 80%, B under 95%', () => {
    const classes = abcClasses([{ key: 'E', value: 40 }, { key: 'A', value: 500 }, { key: 'C', value: 100 }, { key: 'B', value: 300 }, { key: 'D', value: 60 }]);
    // before: A 0 → A; B 0.5 → A; C 0.8 → B; D 0.9 → B; E 0.96 → C
    expect(classes.map((c) => `${c.key}:${c.class}`)).toEqual(['A:A', 'B:A', 'C:B', 'D:B', 'E:C']);
    expect(classes[2]?.cumulative).toBeCloseTo(0.9, 12);
  });

  test('by profit, a loss-making SKU is C and takes no share', () => {
    const classes = abcClasses([{ key: 'win', value: 90 }, { key: 'ok', value: 10 }, { key: 'loss', value: -50 }]);
    // total 100 (the loss counts 0): win before 0 → A; ok before 0.9 → B; loss → C
    expect(classes.map((c) => c.class)).toEqual(['A', 'B', 'C']);
  });
});

test('movers by rule: dead, slow, fast, steady', () => {
  expect(moverOf({ units_30d: 0, units_90d: 0, available: 40, days_of_cover: null })).toBe('dead');
  expect(moverOf({ units_30d: 3, units_90d: 9, available: 400, days_of_cover: 4000 })).toBe('slow');
  expect(moverOf({ units_30d: 90, units_90d: 270, available: 60, days_of_cover: 20 })).toBe('fast');
  expect(moverOf({ units_30d: 30, units_90d: 90, available: 60, days_of_cover: 60 })).toBe('steady');
});

test('动销率: 3 of 4 listed SKUs sold → 0.75; nothing listed → unknown', () => {
  expect(sellThroughShare(['a', 'b', 'c', 'd'], new Set(['a', 'b', 'c', 'x']))).toBe(0.75);
  expect(sellThroughShare([], new Set())).toBeNull();
});

test('a basket pair\'s lift: 10 orders, mat in 5, rug in 4, both in 3', () => {
  const orders = [
    ['mat', 'rug'], ['mat', 'rug'], ['mat', 'rug', 'towel'], ['mat'], ['mat', 'towel'],
    ['rug'], ['towel'], ['towel'], ['soap'], ['soap'],
  ];
  const pairs = basketPairs(orders);
  const matRug = pairs.find((p) => p.a === 'mat' && p.b === 'rug');
  // support 3 / 10 = 0.3; confidence mat → rug 3 / 5 = 0.6; lift 0.6 / (4 / 10) = 1.5
  expect(matRug).toMatchObject({ orders: 3, support: 0.3, confidence: 0.6 });
  expect(matRug?.lift).toBeCloseTo(1.5, 12);
  const rugMat = pairs.find((p) => p.a === 'rug' && p.b === 'mat');
  // rug → mat: 3 / 4 = 0.75; lift 0.75 / (5 / 10) = 1.5 (lift is symmetric)
  expect(rugMat?.confidence).toBe(0.75);
  expect(rugMat?.lift).toBeCloseTo(1.5, 12);
  // mat + towel in 2 orders: 2 / 5 = 0.4 → 0.4 / (4 / 10) = 1.0, kept (2 orders); rug + towel in 1: left out
  expect(pairs.find((p) => p.a === 'mat' && p.b === 'towel')?.lift).toBeCloseTo(1, 12);
  expect(pairs.some((p) => p.a === 'rug' && p.b === 'towel')).toBe(false);
});
