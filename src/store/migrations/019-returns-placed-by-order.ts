/**
 * Returns split per marketplace (issue 26): an FBA customer returns report names no marketplace, and a unified account's
 * report holds the returns of several. Each return is placed in the marketplace of its order (the orders already stored
 * for the store) and dated by its local day there, so the instant the report gives is kept beside the day. The history
 * table of replaced rows (migration 10) gets the column too, so rows keep moving there by name.
 */
export const returnsReturnedAt = `
ALTER TABLE returns ADD COLUMN returned_at TIMESTAMPTZ;
ALTER TABLE IF EXISTS removed_returns ADD COLUMN IF NOT EXISTS returned_at TIMESTAMPTZ;
`;
