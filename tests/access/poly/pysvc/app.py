import logging

from django.db import models
from sqlalchemy import text

USER_BY_ID = "SELECT full_name FROM users WHERE id = %(uid)s"


class Profile(models.Model):
    nickname = models.CharField(max_length=40)
    phone = models.CharField(max_length=20)

    class Meta:
        db_table = "profiles"


def by_id(cur, uid):
    cur.execute(USER_BY_ID, {"uid": uid})
    return cur.fetchone()


def search(cur, uid, table):
    cur.execute("SELECT id FROM {} WHERE id = ?".format(table), (uid,))
    cur.execute(f"SELECT email FROM users WHERE id = {uid}")
    cur.execute("SELECT * FROM audit_log")
    cur.execute("PRAGMA table_info(users)")
    row = cur.fetchone()
    logging.info("found %s", row[0])


def rename(session, uid, name):
    session.execute(text("UPDATE users SET full_name = :n WHERE id = :i"), {"n": name, "i": uid})


def nick(uid):
    Profile.objects.filter(id=uid).update(nickname="x")
    return Profile.objects.get(id=uid)


def by_phone(cur, uid, phone):
    # an f-string holding a DB-API %s parameter: not % formatting
    cur.execute(f"SELECT email FROM users WHERE phone = %s AND id = {uid} LIMIT 3", (phone,))
    cur.execute("SELECT full_name FROM users WHERE id = %s" % uid)
