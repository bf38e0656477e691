-- Fixture for tests/unit/test_sql.c: the line numbers of the statements
-- below are asserted there. PostgreSQL-only statements are on purpose.
CREATE EXTENSION IF NOT EXISTS pgcrypto;

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  full_name TEXT,
  password_hash TEXT,
  created_at TEXT DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE orders (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  total_cents INTEGER NOT NULL,
  shipping_address TEXT
);
CREATE INDEX orders_user ON orders (user_id);

CREATE TABLE sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id INTEGER
);

/* A view over both tables. */
CREATE VIEW order_emails AS
  SELECT o.id AS order_id, u.email FROM orders o JOIN users u ON u.id = o.user_id;

ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_idx;
INSERT INTO users (email) VALUES ('seed@example.com'); PRAGMA foreign_keys = ON;
CREATE TRIGGER users_touch AFTER UPDATE ON users BEGIN
  UPDATE users SET created_at = CURRENT_TIMESTAMP WHERE id = new.id;
END;
DROP TABLE orders;
ALTER TABLE users ADD COLUMN phone TEXT;
