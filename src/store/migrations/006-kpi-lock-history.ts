/**
 * Migration 6 (SPEC §5: 绩效纠纷 can be traced back). A locked period can be unlocked with a reason
 * and locked again; every version stays. `kpi_locks` & co. keep holding the lock in force (now with
 * its version and who locked it); an unlock moves that version's review into the archive tables;
 * `kpi_lock_events` lists every lock and unlock with who, when and why. Locks made before this
 * migration become version 1, locked by an unknown user.
 */
export const kpiLockHistory = `
ALTER TABLE kpi_locks ADD COLUMN version INTEGER DEFAULT 1;
ALTER TABLE kpi_locks ADD COLUMN locked_by VARCHAR;
ALTER TABLE kpi_locked_rows ADD COLUMN no_data_reason VARCHAR;

CREATE TABLE kpi_lock_archive (
  period VARCHAR NOT NULL, version INTEGER NOT NULL, kind VARCHAR NOT NULL, date_from DATE NOT NULL, date_to DATE NOT NULL,
  as_of DATE NOT NULL, currency VARCHAR, last_import_id BIGINT NOT NULL, findings VARCHAR NOT NULL,
  locked_at TIMESTAMP NOT NULL, locked_by VARCHAR,
  scores VARCHAR NOT NULL, imports VARCHAR NOT NULL,
  unlocked_at TIMESTAMP NOT NULL, unlocked_by VARCHAR NOT NULL, unlock_reason VARCHAR NOT NULL,
  PRIMARY KEY (period, version)
);
CREATE TABLE kpi_lock_archive_rows (
  period VARCHAR NOT NULL, version INTEGER NOT NULL, position INTEGER NOT NULL, kpi VARCHAR NOT NULL, scope VARCHAR NOT NULL,
  owner VARCHAR, role VARCHAR, target DECIMAL(18,6) NOT NULL, actual DECIMAL(24,6), currency VARCHAR,
  attainment DOUBLE, expected_to_date DOUBLE NOT NULL, status VARCHAR NOT NULL,
  weight DECIMAL(9,4), priority INTEGER, pacing VARCHAR NOT NULL, no_data_reason VARCHAR,
  PRIMARY KEY (period, version, position)
);

CREATE SEQUENCE kpi_lock_event_ids START 1;
CREATE TABLE kpi_lock_events (
  id BIGINT PRIMARY KEY DEFAULT nextval('kpi_lock_event_ids'),
  period VARCHAR NOT NULL, version INTEGER NOT NULL, action VARCHAR NOT NULL, user_name VARCHAR, reason VARCHAR,
  happened_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
  -- imports newer than the lock that cover its period, at the time of the event (JSON list)
  restated_by VARCHAR NOT NULL DEFAULT '[]'
);
INSERT INTO kpi_lock_events (period, version, action, user_name, reason, happened_at)
  SELECT period, 1, 'lock', NULL, NULL, locked_at FROM kpi_locks ORDER BY locked_at;
`;
