import { expect, test } from 'vitest';
import { statementKind } from './statement-kind.ts';

/** Where a statement runs: a write taken for a read would write outside the one write path. */
test.each([
  ['SELECT count(*) FROM traffic', 'read'],
  ['  (SELECT 1) UNION ALL (SELECT 2)', 'read'],
  ['WITH t AS (SELECT 1 AS x) SELECT x FROM t', 'read'],
  ['DESCRIBE rollup_asin', 'read'],
  ['FROM traffic SELECT count(*)', 'read'],
  ["SELECT string_split(note, ';') FROM events", 'read'],
  ['SET enable_progress_bar = true', 'setting'],
  ['RESET enable_progress_bar', 'setting'],
  ["INSERT INTO stores (name) VALUES ('a')", 'write'],
  ['DELETE FROM rollup_state; INSERT INTO rollup_state VALUES (1)', 'write'],
  ['CREATE OR REPLACE TEMP TABLE replace_keys (key VARCHAR)', 'write'],
  ['WITH gone AS (SELECT 1) DELETE FROM events WHERE id IN (SELECT * FROM gone)', 'write'],
  ['SELECT 1; DROP TABLE events', 'write'],
  ["SELECT nextval('import_ids')", 'write'],
  ['COPY (SELECT 1) TO \'x.csv\'', 'write'],
  ['BEGIN TRANSACTION', 'transaction'],
  ['ROLLBACK', 'transaction'],
] as const)('%s → %s', (sql, kind) => {
  expect(statementKind(sql)).toBe(kind);
});
