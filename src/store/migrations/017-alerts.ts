/**
 * Alerts (issue 19): the channels Asterism speaks through (URL and secret sealed by store/secrets.ts,
 * never shown back), the seller's rules and changes to the built-in detectors, one alert per rule ×
 * scope until it clears, each delivery with its retry state, and the seller's watch keywords.
 */
export const alerts = `
CREATE SEQUENCE alert_rule_ids START 1;
CREATE SEQUENCE alert_ids START 1;
CREATE TABLE alert_channels (
  name VARCHAR PRIMARY KEY, type VARCHAR NOT NULL, url_sealed VARCHAR NOT NULL, secret_sealed VARCHAR,
  email_to VARCHAR, owner VARCHAR, role VARCHAR, is_default BOOLEAN NOT NULL DEFAULT false, lang VARCHAR NOT NULL DEFAULT 'zh',
  time_zone VARCHAR, quiet_from VARCHAR, quiet_to VARCHAR, digest_hour INTEGER,
  created_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);
CREATE TABLE alert_rules (
  id BIGINT PRIMARY KEY DEFAULT nextval('alert_rule_ids'), detector VARCHAR, metric VARCHAR, op VARCHAR, value DOUBLE,
  change VARCHAR, store VARCHAR, marketplace VARCHAR, asin VARCHAR, owner VARCHAR, channel VARCHAR,
  enabled BOOLEAN NOT NULL DEFAULT true, created_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);
CREATE TABLE alerts (
  id BIGINT PRIMARY KEY DEFAULT nextval('alert_ids'), rule_key VARCHAR NOT NULL, rule_id BIGINT, detector VARCHAR,
  scope_key VARCHAR NOT NULL, scope VARCHAR NOT NULL, owner VARCHAR, severity VARCHAR NOT NULL, state VARCHAR NOT NULL,
  message_en VARCHAR NOT NULL, message_zh VARCHAR NOT NULL, link VARCHAR, as_of DATE NOT NULL, resolved_as_of DATE,
  opened_at TIMESTAMP NOT NULL DEFAULT current_timestamp, resolved_at TIMESTAMP, snoozed_until TIMESTAMP
);
CREATE TABLE alert_deliveries (
  alert_id BIGINT, channel VARCHAR NOT NULL, kind VARCHAR NOT NULL, digest_day DATE, status VARCHAR NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at TIMESTAMP, last_error VARCHAR, delivered_at TIMESTAMP,
  body_en VARCHAR, body_zh VARCHAR, created_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);
CREATE TABLE alert_keywords (word VARCHAR PRIMARY KEY, created_at TIMESTAMP NOT NULL DEFAULT current_timestamp);
`;
