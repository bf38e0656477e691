"""Negative file: what gets logged identifies nothing and nobody."""
import hashlib
import logging as lg

logger = lg.getLogger(__name__)


def report(users, elapsed):
    logger.info("exported %d users in %.2fs", len(users), elapsed)
    for user in users:
        digest = hashlib.sha256(user.email.encode()).hexdigest()
        logger.debug("exported %s", digest)
        logger.debug("has phone: %s", bool(user.phone))
    logger.info("export finished")


def order_placed(order_id, total_cents):
    logger.info("order %s placed, %d cents", order_id, total_cents)
