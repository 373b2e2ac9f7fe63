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

/**
 * Amazon's seller feedback report (Feedback Manager download, SP-API GET_SELLER_FEEDBACK_DATA), tab-separated:
 * `Date	Rating	Comments	Your Response	Order ID	Rater Email` as in airbytehq/airbyte
 * airbyte-integrations/connectors/source-amazon-seller-partner/unit_tests/resource/http/response/GET_SELLER_FEEDBACK_DATA.csv;
 * `Response` for `Your Response` as Airbyte's SellerFeedbackReports normalises it (source_amazon_seller_partner/streams.py,
 * unit_tests/test_transform_function.py). Older downloads add Arrived on Time, Item as Described, Customer Service and
 * Rater Role (optoro/amazon_seller_central lib/amazon_seller_central/feedback.rb): ignored. The rater e-mail is named only
 * so it is recognised; it is never read.
 */
export const sellerFeedbackAliases = {
  date: ['Date'],
  rating: ['Rating'],
  comments: ['Comments'],
  response: ['Your Response', 'Response'],
  order_id: ['Order ID'],
  rater_email: ['Rater Email'],
} as const satisfies AliasTable;
