"""Sign-up validation: what it logs about an address are answers, not the address."""
import logging
import re

from .settings import BLOCKED_DOMAINS

log = logging.getLogger(__name__)
EMAIL_RE = re.compile(r"[^@]+@[^@]+")


def validate_signup(email, phone, password):
    log.debug("email length=%d", len(email))
    log.debug("email has plus=%s", "+" in email)
    log.debug("email lowercase=%s", email == email.lower())
    log.debug("phone digits only=%s", phone.isdigit())
    log.debug("at sign at %d", email.find("@"))
    log.debug("dots=%d", email.count("."))
    log.debug("blocked=%s", any(email.endswith(d) for d in BLOCKED_DOMAINS))
    log.debug("password ok=%s", len(password) >= 12 and not password.isalpha())
    if not isinstance(phone, str):
        log.warning("phone of type %s", type(phone).__name__)
    return EMAIL_RE.fullmatch(email) is not None
