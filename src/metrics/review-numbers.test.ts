import { expect, test } from 'vitest';
import { averageRating, lowStarShare, reviewNumbers } from './review-numbers.ts';

test('average rating from the exact sum of stars; low-star share of the rated reviews; unknown without any', () => {
  // 5 + 5 + 4 + 2 + 1 = 17 stars over 5 reviews = 3.40; 2 of them at most 2 stars → 2 / 5 = 0.4
  expect(reviewNumbers({ marketplace: 'US', reviews: 5, rating_sum: '17.0', low_star: 2 })).toEqual({ marketplace: 'US', reviews: 5, low_star: 2, rating_avg: 3.4, low_star_share: 0.4 });
  // 14 / 3 = 4.666… → 4.67; 1 / 3 = 0.3333…
  expect([averageRating('14', 3), lowStarShare(1, 3)]).toEqual([4.67, 0.3333]);
  expect([averageRating('0', 0), lowStarShare(0, 0)]).toEqual([null, null]);
});
