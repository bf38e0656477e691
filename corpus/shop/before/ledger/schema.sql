-- schema.sql: the ledger's SQLite database (accounts and their postings).

CREATE TABLE accounts (
  account_ref INTEGER PRIMARY KEY,
  iban TEXT NOT NULL,
  currency TEXT NOT NULL,
  balance_cents INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE postings (
  entry_ref INTEGER PRIMARY KEY,
  account_ref INTEGER NOT NULL,
  order_id INTEGER NOT NULL,
  total_cents INTEGER NOT NULL,
  user_email TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open'
);

CREATE INDEX postings_account ON postings (account_ref);
