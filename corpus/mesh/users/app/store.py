"""The users table (the database driver is configured elsewhere)."""

import sqlite3

DB = sqlite3.connect("/var/lib/users/users.db")


def insert_user(full_name, locale):
    cur = DB.execute("INSERT INTO users (full_name, locale) VALUES (?, ?)", (full_name, locale))
    return cur.lastrowid


def find_user(user_id):
    return DB.execute("SELECT * FROM users WHERE id = ?", (user_id,)).fetchone()
