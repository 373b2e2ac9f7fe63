import { expect, test } from 'vitest';
import { scorecard, scorecards, weightsOf } from './kpi-scorecard.ts';

test('missing weights are equal', () => {
  expect(weightsOf([null, null, null])).toEqual([1, 1, 1]);
  // given 2 and 0.5: a missing one weighs their mean, 1.25
  expect(weightsOf([2, null, 0.5])).toEqual([2, 1.25, 0.5]);
});

test('a weighted score, each KPI held between 0 and 120%', () => {
  const card = scorecard('张三', [
    { owner: '张三', role: 'operator', weight: 1, attainment: 0.82 },
    { owner: '张三', role: 'operator', weight: 0.5, attainment: 1.5 }, // counts as 1.2
    { owner: '张三', role: 'operator', weight: 0.5, attainment: -0.3 }, // counts as 0
  ]);
  // (1 × 0.82 + 0.5 × 1.2 + 0.5 × 0) / 2 = 1.42 / 2 = 0.71
  expect(card).toEqual({ name: '张三', score: 0.71, kpis: 3, no_data: 0, coverage: 1 });
});

test('a KPI without data is left out of the score and shows in coverage', () => {
  const card = scorecard('li', [
    { owner: 'li', role: null, weight: 3, attainment: 0.9 },
    { owner: 'li', role: null, weight: 1, attainment: null },
  ]);
  // score 3 × 0.9 / 3 = 0.9; coverage 3 / 4 = 0.75
  expect(card).toEqual({ name: 'li', score: 0.9, kpis: 2, no_data: 1, coverage: 0.75 });
  expect(scorecard('x', [{ owner: 'x', role: null, weight: null, attainment: null }])).toMatchObject({ score: null, coverage: 0 });
});

test('one scorecard per person and one per role', () => {
  const cards = scorecards([
    { owner: 'li', role: 'operator', weight: null, attainment: 1 },
    { owner: 'wang', role: 'operator', weight: null, attainment: 0.5 },
    { owner: 'wang', role: 'ads', weight: null, attainment: 0.8 },
  ]);
  // li 1; wang (0.5 + 0.8) / 2 = 0.65; operator (1 + 0.5) / 2 = 0.75; ads 0.8
  expect(cards.people.map((c) => [c.name, c.score])).toEqual([['li', 1], ['wang', 0.65]]);
  expect(cards.roles.map((c) => [c.name, c.score])).toEqual([['ads', 0.8], ['operator', 0.75]]);
});
