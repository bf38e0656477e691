"""Negative file: counts and fixed messages are not personal data."""
import logging

log = logging.getLogger(__name__)


def summarize(users):
    log.info("processed %d users", len(users))
    log.info("done")
    for u in users:
        log.debug("user has email: %s", bool(u.email))
