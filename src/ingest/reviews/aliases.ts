import type { AliasTable } from '../header.ts';

/** The documented review CSV (cli.md "Master-data files"): English or Chinese headers. */
export const reviewCsvAliases = {
  review_id: ['review_id', 'review id', '评论ID', '评论编号'],
  asin: ['asin'],
  date: ['date', 'review date', '日期', '评论日期', '评价日期'],
  rating: ['rating', 'stars', '评分', '星级'],
  title: ['title', '标题', '评论标题'],
  body: ['body', 'review text', '内容', '评论内容', '正文'],
  verified: ['verified', 'verified purchase', '已验证购买', '验证购买'],
  variation: ['variation', '变体', '款式'],
  marketplace: ['marketplace', '站点', '市场'],
} as const satisfies AliasTable;

/** SNAP / Kaggle "Amazon Fine Food Reviews" (FORMATS §13); uploaders append columns, ignored. */
export const snapReviewAliases = {
  id: ['Id'],
  product_id: ['ProductId'],
  user_id: ['UserId'],
  profile_name: ['ProfileName'],
  helpful_yes: ['HelpfulnessNumerator'],
  helpful_total: ['HelpfulnessDenominator'],
  score: ['Score'],
  time: ['Time'],
  summary: ['Summary'],
  text: ['Text'],
} as const satisfies AliasTable;
