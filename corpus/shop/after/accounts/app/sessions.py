"""Sign-in sessions and a phone-number cache, in Redis (redis-py)."""

import redis

r = redis.Redis(host="cache", port=6379, decode_responses=True)

SESSION_TTL = 3600


def remember_session(sid, email):
    """Keep the address a session signed in with, for an hour."""
    r.set(f"session:{sid}:email", email, ex=SESSION_TTL)


def session_email(sid):
    """The address a session signed in with, or None once it expired."""
    return r.get("session:" + sid + ":email")


def cache_phone(uid, phone):
    """Keep an account's phone number at hand for the SMS sender."""
    r.hset(f"user:{uid}", "phone", phone)


def cached_phone(uid):
    """The cached phone number of an account, or None."""
    return r.hget(f"user:{uid}", "phone")
