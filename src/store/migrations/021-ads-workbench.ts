/**
 * Migration 21 (issue 21, the ads workbench). Target ACoS per SKU, per tier or for the store ('*'). Ads suggestions
 * wait for a person like prices do (migration 5): `pending` until approved or rejected once, an approved change is
 * exported once into a bulk file; every decision (approve, reject, export) is a row of `ad_decisions`: who, when, why.
 * `key` names the change (store, marketplace, ad type, window, kind and what it changes): asking again finds it.
 */
export const adsWorkbench = `
CREATE TABLE ad_targets (
  store VARCHAR NOT NULL, scope VARCHAR NOT NULL, key VARCHAR NOT NULL, target_acos DECIMAL(9,6) NOT NULL,
  updated_at TIMESTAMP NOT NULL DEFAULT current_timestamp, updated_by VARCHAR,
  PRIMARY KEY (store, scope, key)
);

CREATE SEQUENCE ad_suggestion_ids START 1;
CREATE TABLE ad_suggestions (
  id BIGINT PRIMARY KEY DEFAULT nextval('ad_suggestion_ids'), key VARCHAR NOT NULL, kind VARCHAR NOT NULL,
  store VARCHAR NOT NULL, marketplace VARCHAR NOT NULL, ad_type VARCHAR NOT NULL, attribution_days INTEGER, currency VARCHAR,
  period_from DATE, period_to DATE, scope VARCHAR NOT NULL, evidence VARCHAR NOT NULL, change VARCHAR NOT NULL, status VARCHAR NOT NULL,
  created_at TIMESTAMP NOT NULL DEFAULT current_timestamp, created_by VARCHAR,
  decided_at TIMESTAMP, decided_by VARCHAR, note VARCHAR, exported_at TIMESTAMP
);
CREATE SEQUENCE ad_decision_ids START 1;
CREATE TABLE ad_decisions (
  id BIGINT PRIMARY KEY DEFAULT nextval('ad_decision_ids'), suggestion_id BIGINT NOT NULL,
  action VARCHAR NOT NULL, user_name VARCHAR NOT NULL, decided_at TIMESTAMP NOT NULL DEFAULT current_timestamp, note VARCHAR
);
`;
