"""Sign-in audit: every attempt is stored for the fraud review."""

import redis

r = redis.Redis(host="cache", port=6379, decode_responses=True)

LAST_LOGIN_TTL = 86400


def record_login(conn, uid, ip_address, user_agent):
    """Store a sign-in attempt and remember the address it came from for a day."""
    conn.execute(
        "INSERT INTO login_events (user_id, ip_address, user_agent) VALUES (?, ?, ?)",
        (uid, ip_address, user_agent),
    )
    conn.commit()
    r.setex(f"login:{uid}:ip_address", LAST_LOGIN_TTL, ip_address)
