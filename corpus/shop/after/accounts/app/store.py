"""The accounts database, through the standard library's sqlite3.

Every function takes an open connection (see connect); statements use the
qmark paramstyle. The schema is in migrations/ (applied in file-name order).
"""

import logging
import sqlite3

logger = logging.getLogger(__name__)

DB_PATH = "/var/lib/shop/accounts.db"

USER_BY_ID = "SELECT id, email, full_name, status, date_of_birth FROM users WHERE id = ?"


def connect(path=DB_PATH):
    """An open connection to the accounts database."""
    return sqlite3.connect(path)


def find_user(conn, uid):
    """One account by id, as a tuple (None when there is none)."""
    cur = conn.cursor()
    cur.execute(USER_BY_ID, (uid,))
    return cur.fetchone()


def signup(conn, body):
    """POST /accounts/signup: store the account the request body describes."""
    cur = conn.cursor()
    cur.execute(
        "INSERT INTO users (email, full_name, status) VALUES (?, ?, 'pending')",
        (body["email"], body["full_name"]),
    )
    conn.commit()
    return {"status": "created", "id": cur.lastrowid}


def set_status(conn, uid, status):
    """Move an account to another status (pending, active, closed)."""
    cur = conn.cursor()
    cur.execute("UPDATE users SET status = ? WHERE id = ?", (status, uid))
    conn.commit()
    return cur.rowcount


def find_contact(conn, uid):
    """How to reach an account: its email address and phone number."""
    return conn.execute(f"SELECT email, phone_number FROM users WHERE id = {uid}").fetchone()


def page_users(conn, after_id):
    """One page of accounts for the CRM export, in id order."""
    sql = "SELECT id, email FROM users WHERE id > " + str(after_id) + " ORDER BY id LIMIT 100"
    return conn.execute(sql).fetchall()


def count_users(conn):
    """How many accounts there are (the dashboard's counter)."""
    return conn.execute("SELECT count(*) FROM users").fetchone()[0]


def send_reminder(conn, uid):
    """Remind a pending account to confirm its address; the log says to whom."""
    row = conn.execute(
        "SELECT email FROM users WHERE id = ? AND status = 'pending'", (uid,)
    ).fetchone()
    if row is None:
        return False
    logger.info("confirmation reminder sent to %s", row[0])
    return True


def purge(conn, table, cutoff):
    """Delete the old rows of a housekeeping table (the caller names it)."""
    conn.execute("DELETE FROM " + table + " WHERE created_at < ?", (cutoff,))
    conn.commit()
