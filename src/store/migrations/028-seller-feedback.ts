/**
 * Seller feedback (migration 28): Amazon's Feedback Manager report (GET_SELLER_FEEDBACK_DATA), one row per
 * feedback left on an order, beside reviews. The rater's e-mail is personal data and is not kept at all;
 * the order id is what identifies a feedback across re-imports.
 */
export const sellerFeedback = `
CREATE TABLE seller_feedback (
  store VARCHAR NOT NULL, marketplace VARCHAR NOT NULL, feedback_date DATE NOT NULL, rating DECIMAL(3,1),
  comments VARCHAR, response VARCHAR, order_id VARCHAR, feedback_key VARCHAR NOT NULL, import_id BIGINT NOT NULL
);
`;
