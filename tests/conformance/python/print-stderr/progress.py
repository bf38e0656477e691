"""Negative file: progress output shows counts and ids."""
import hashlib
import sys


def show_progress(done, total, batch):
    print(f"{done}/{total} done")
    sys.stdout.write("\rbatch %s: %d%%" % (batch.batch_id, 100 * done // total))
    sys.stdout.flush()


def show_users(users):
    for user in users:
        print(hashlib.sha1(user.email.encode()).hexdigest(), bool(user.phone))
    print("total:", len(users), file=sys.stderr)
