/**
 * Amazon data arriving by itself (issue 18): the stores connected to the Selling Partner API and the Ads API
 * (refresh token and client secret sealed by store/secrets.ts, never stored in the clear), what each
 * store × marketplace × report type has covered so far, and the schedule a user may change.
 */
export const amazonSync = `
CREATE TABLE amazon_connections (
  api VARCHAR NOT NULL,              -- 'sp' (Selling Partner API) or 'ads' (Amazon Ads API)
  store VARCHAR NOT NULL,
  region VARCHAR NOT NULL,           -- na, eu, fe
  marketplaces VARCHAR[] NOT NULL,   -- codes (US, DE …); for ads, the profile's country
  client_id VARCHAR NOT NULL,
  client_secret_sealed VARCHAR NOT NULL,
  refresh_token_sealed VARCHAR NOT NULL,
  profile_id VARCHAR,                -- ads only: the Amazon-Advertising-API-Scope
  created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
  updated_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
  PRIMARY KEY (api, store)
);
CREATE TABLE sync_state (
  store VARCHAR NOT NULL,
  marketplace VARCHAR NOT NULL,
  report_type VARCHAR NOT NULL,      -- the Amazon report type, e.g. GET_SALES_AND_TRAFFIC_REPORT
  covered_from DATE,
  covered_to DATE,
  last_success TIMESTAMP,
  last_error VARCHAR,
  last_error_at TIMESTAMP,
  next_run TIMESTAMP,
  PRIMARY KEY (store, marketplace, report_type)
);
CREATE TABLE sync_schedule (
  report_type VARCHAR PRIMARY KEY,
  cron VARCHAR NOT NULL,             -- croner pattern, in UTC
  enabled BOOLEAN NOT NULL DEFAULT true,
  updated_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);
`;
