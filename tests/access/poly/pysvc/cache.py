# Redis clients of any name, known by what made them (not by their names).
import redis
from redis import Redis

sessions = redis.Redis(host="cache")


class Profiles:
    def __init__(self):
        self.store = Redis.from_url("redis://cache")

    def keep(self, uid, phone):
        self.store.hset("profile:%s" % uid, "phone", phone)


def touch(uid, opts):
    sessions.expire("session:" + uid, 60)
    local = redis.StrictRedis()
    local.get(f"token:{uid}")
    # Not Redis: a dict, and an argument nobody made here.
    seen = {}
    seen.get("email:" + uid)
    opts.get("phone:" + uid)
