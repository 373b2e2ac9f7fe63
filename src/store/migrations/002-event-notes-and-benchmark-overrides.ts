/**
 * Migration 2. Detected events carry their note in both languages (`note` in English, or as the
 * user typed it; `note_zh` in Chinese). Benchmark overrides (SPEC §4: the default table is editable,
 * overridable per category and price band): a NULL key column means "any", so an override with only
 * metric and marketplace set covers every tier, category and price band of that marketplace.
 * `variant` picks a second row of the default table (e.g. `reseller` Buy Box).
 */
export const eventNotesAndBenchmarkOverrides = `
ALTER TABLE events ADD COLUMN note_zh VARCHAR;

CREATE TABLE benchmark_overrides (
  metric VARCHAR NOT NULL, marketplace VARCHAR, tier VARCHAR, category VARCHAR, price_band VARCHAR, variant VARCHAR,
  low DECIMAL(18,6), high DECIMAL(18,6), note VARCHAR,
  updated_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);
`;
