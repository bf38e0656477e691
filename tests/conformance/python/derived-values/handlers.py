import logging

from .validation import validate_signup

logger = logging.getLogger("signup")


def signup(form):
    email = form["email"]
    if not validate_signup(email, form["phone"], form["password"]):
        logger.info("rejected sign-up for %s", email)  # expect: pii-to-log user.contact.email
        return {"ok": False}
    logger.info("accepted sign-up, %d characters", len(email))
    return {"ok": True}
