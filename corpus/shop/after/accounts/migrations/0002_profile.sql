-- 0002_profile.sql: what the birthday campaign and the newsletter need.

ALTER TABLE users ADD COLUMN date_of_birth TEXT;

ALTER TABLE users ADD COLUMN marketing_opt_in INTEGER NOT NULL DEFAULT 0;
