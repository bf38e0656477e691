import sqlite3

_conn = sqlite3.connect("customers.db")


def find_customer(ref):
    cur = _conn.execute("SELECT * FROM customers WHERE ref = ?", (ref,))
    return cur.fetchone()
