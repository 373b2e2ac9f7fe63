import { Decimal } from 'decimal.js';
import type { ReviewSummary } from '../store/review-records.ts';

/**
 * The review document's numbers of a marketplace's reviews, defined once. The average rating is the
 * catalog's `rating_avg` (rating_sum / ratings: the exact sum of stars over the rated reviews, never an
 * average of averages), to 2 decimals; the low-star share is the reviews of at most `lowStarMax` stars
 * (store/review-records.ts) over the rated reviews, to 4 decimals. Both unknown without a rated review.
 */
export interface ReviewNumbers {
  marketplace: string;
  reviews: number;
  low_star: number;
  rating_avg: number | null;
  low_star_share: number | null;
}

export function averageRating(ratingSum: string, ratings: number): number | null {
  return ratings > 0 ? new Decimal(ratingSum).div(ratings).toDecimalPlaces(2).toNumber() : null;
}

export function lowStarShare(lowStar: number, ratings: number): number | null {
  return ratings > 0 ? new Decimal(lowStar).div(ratings).toDecimalPlaces(4).toNumber() : null;
}

export function reviewNumbers(s: ReviewSummary): ReviewNumbers {
  return { marketplace: s.marketplace, reviews: s.reviews, low_star: s.low_star, rating_avg: averageRating(s.rating_sum, s.reviews), low_star_share: lowStarShare(s.low_star, s.reviews) };
}
