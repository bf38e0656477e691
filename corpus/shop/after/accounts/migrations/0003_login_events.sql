-- 0003_login_events.sql: one row per sign-in attempt, for the fraud review.

CREATE TABLE login_events (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL,
    ip_address TEXT NOT NULL,
    user_agent TEXT,
    created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);
