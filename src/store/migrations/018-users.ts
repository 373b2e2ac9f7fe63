/**
 * Users, their sessions and API tokens, and the audit log (issue 20). Passwords are argon2id hashes; a session
 * or token is kept only as the SHA-256 of its random value (shown once), so a copy of the file opens nothing.
 * The audit log is append-only: nothing in Asterism updates or deletes its rows.
 */
export const usersAndAudit = `
CREATE TABLE users (
  name VARCHAR PRIMARY KEY,
  role VARCHAR NOT NULL,
  stores VARCHAR[] NOT NULL,
  marketplaces VARCHAR[] NOT NULL,
  owner_scope VARCHAR,
  see_costs BOOLEAN,
  password_hash VARCHAR NOT NULL,
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until TIMESTAMP,
  created_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);
CREATE TABLE sessions (
  id_hash VARCHAR PRIMARY KEY,
  user_name VARCHAR NOT NULL,
  created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
  expires_at TIMESTAMP NOT NULL
);
CREATE SEQUENCE api_token_ids START 1;
CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY DEFAULT nextval('api_token_ids'),
  token_hash VARCHAR NOT NULL UNIQUE,
  user_name VARCHAR NOT NULL,
  created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
  expires_at TIMESTAMP,
  revoked_at TIMESTAMP
);
CREATE SEQUENCE audit_ids START 1;
CREATE TABLE audit_log (
  id BIGINT PRIMARY KEY DEFAULT nextval('audit_ids'),
  changed_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
  user_name VARCHAR NOT NULL,
  origin VARCHAR NOT NULL,
  action VARCHAR NOT NULL,
  target VARCHAR,
  detail VARCHAR
);
`;
