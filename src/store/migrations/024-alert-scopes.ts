/**
 * Alerts, what issue 19 left (migration 24): a rule scoped by parent ASIN, SKU, product line or lifecycle
 * tier (the KPI targets' scope shape); an alert acknowledged by someone (it leaves the bell, stays open
 * until it clears); and each imported file that failed, so a failing import is an alert and not only a
 * line on the screen of whoever imported it.
 */
export const alertScopes = `
ALTER TABLE alert_rules ADD COLUMN parent_asin VARCHAR;
ALTER TABLE alert_rules ADD COLUMN sku VARCHAR;
ALTER TABLE alert_rules ADD COLUMN product_line VARCHAR;
ALTER TABLE alert_rules ADD COLUMN tier VARCHAR;
ALTER TABLE alerts ADD COLUMN acknowledged_at TIMESTAMP;
CREATE TABLE import_failures (
  failed_at TIMESTAMP NOT NULL DEFAULT current_timestamp, store VARCHAR NOT NULL, file VARCHAR NOT NULL,
  report_type VARCHAR, error_en VARCHAR NOT NULL, error_zh VARCHAR NOT NULL
);
`;
