"""Negative file: facts about personal data that identify no one."""
import hashlib
import logging

logger = logging.getLogger("accounts.flags")


def log_verification(user, password):
    logger.info("email verified: %s", user.email_verified)
    logger.info("phone verified: %s", user.phone_verified)
    logger.debug("password length ok: %s", len(password) >= 12)
    logger.debug("password fingerprint %s", hashlib.md5(password.encode()).hexdigest()[:8])
    logger.info("user has %d addresses", len(user.addresses))
