CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  actor_email TEXT,
  action TEXT NOT NULL
);
CREATE TABLE `legacy_accounts` (`id` INT, `username` VARCHAR(64));
