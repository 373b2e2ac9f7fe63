/**
 * One account, many marketplaces (issue 26): a unified-account file (All Orders, payments) naming several
 * marketplaces is one import split per marketplace. `import_log.marketplace` is then NULL and this table says
 * which marketplaces the import wrote, in which currency and how many rows of its report each: the import
 * history, an unchanged re-import's answer and the ASIN rollup's refresh (the days it must rewrite per
 * marketplace) read it.
 */
export const importMarketplaces = `
CREATE TABLE import_marketplaces (
  import_id BIGINT NOT NULL, marketplace VARCHAR NOT NULL, currency VARCHAR, rows BIGINT NOT NULL,
  PRIMARY KEY (import_id, marketplace)
);
`;
