/** What the ASIN rollup (a derived table the metric layer rebuilds) was built from: a fingerprint of
 * the imports and source tables, and the facts it holds. The rollup itself is written by the metric
 * layer, as its columns follow the catalog's measures. */
export const rollupState = `
CREATE TABLE rollup_state (fingerprint VARCHAR NOT NULL, facts VARCHAR NOT NULL, built_at TIMESTAMP NOT NULL DEFAULT current_timestamp);
`;
