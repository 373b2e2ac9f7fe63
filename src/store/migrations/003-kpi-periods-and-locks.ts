/**
 * Migration 3 (SPEC §5). Special periods (Prime Day, BFCM) with the seller's own dates, looked up by
 * name. A locked KPI period keeps what its review said: the rows as shown (actual, attainment, pace,
 * status), the scorecards, the guards' findings, and the imports the actuals were computed from, so a
 * later restatement cannot silently change a settled review (绩效纠纷 can be traced back).
 * `last_import_id`: every import after it is newer than the lock (import ids only grow).
 */
export const kpiPeriodsAndLocks = `
CREATE TABLE special_periods (
  name VARCHAR PRIMARY KEY, date_from DATE NOT NULL, date_to DATE NOT NULL, note VARCHAR,
  updated_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE TABLE kpi_locks (
  period VARCHAR PRIMARY KEY, kind VARCHAR NOT NULL, date_from DATE NOT NULL, date_to DATE NOT NULL,
  as_of DATE NOT NULL, currency VARCHAR, last_import_id BIGINT NOT NULL DEFAULT 0, findings VARCHAR NOT NULL,
  locked_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);
CREATE TABLE kpi_locked_rows (
  period VARCHAR NOT NULL, position INTEGER NOT NULL, kpi VARCHAR NOT NULL, scope VARCHAR NOT NULL,
  owner VARCHAR, role VARCHAR, target DECIMAL(18,6) NOT NULL, actual DECIMAL(24,6), currency VARCHAR,
  attainment DOUBLE, expected_to_date DOUBLE NOT NULL, status VARCHAR NOT NULL,
  weight DECIMAL(9,4), priority INTEGER, pacing VARCHAR NOT NULL,
  PRIMARY KEY (period, position)
);
CREATE TABLE kpi_locked_scores (
  period VARCHAR NOT NULL, kind VARCHAR NOT NULL, name VARCHAR NOT NULL,
  score DOUBLE, kpis INTEGER NOT NULL, no_data INTEGER NOT NULL, coverage DOUBLE NOT NULL,
  PRIMARY KEY (period, kind, name)
);
CREATE TABLE kpi_lock_imports (
  period VARCHAR NOT NULL, import_id BIGINT NOT NULL,
  PRIMARY KEY (period, import_id)
);
`;
