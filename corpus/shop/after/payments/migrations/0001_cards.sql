-- 0001_cards.sql: cards on file and receipts (PostgreSQL).
-- pgcrypto gives gen_random_uuid() and digest() to the support scripts.

CREATE EXTENSION IF NOT EXISTS pgcrypto;

CREATE TABLE cards (
    id BIGSERIAL PRIMARY KEY,
    number TEXT NOT NULL,
    last4 TEXT NOT NULL,
    email TEXT,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE receipts (
    id BIGSERIAL PRIMARY KEY,
    email_sha256 TEXT NOT NULL,
    amount_cents BIGINT NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
