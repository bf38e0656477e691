"""Negative file: the files hold counts, timestamps and digests."""
import hashlib
import json
import time


def write_stats(subscribers):
    stats = {"count": len(subscribers), "generated_at": time.time()}
    with open("/var/exports/stats.json", "w") as fh:
        json.dump(stats, fh)


def write_digests(subscribers):
    with open("/var/exports/digests.txt", "w") as fh:
        for s in subscribers:
            fh.write(hashlib.sha256(s.email.encode()).hexdigest() + "\n")
