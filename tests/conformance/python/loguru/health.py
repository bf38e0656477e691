"""Negative file: health checks log service facts only."""
import hashlib
import time

from loguru import logger


def check(services):
    started = time.monotonic()
    for name, url in services.items():
        logger.info("checking {} at {}", name, url)
    logger.bind(count=len(services)).success("health check done in {:.1f}s", time.monotonic() - started)


def audit_login(account):
    fingerprint = hashlib.sha256(account.email.encode()).hexdigest()[:12]
    logger.info("login for account {}", fingerprint)
