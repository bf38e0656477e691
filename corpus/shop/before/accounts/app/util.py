"""Helpers shared by the handlers: normalising input, masking, greetings."""

import hashlib
import logging

from app.notify import send_welcome

logger = logging.getLogger(__name__)

GREETING = "Welcome to the shop"
MAX_MESSAGE = 200


def normalise(value):
    """Trim and lower-case a value typed by a customer."""
    return value.strip().lower()


def mask_email(value):
    """Keep the first letter and the domain: j***@example.com."""
    local, _, domain = value.partition("@")
    return local[:1] + "***@" + domain


def hash_identifier(value):
    """A stable, non-reversible reference for a government identifier."""
    digest = hashlib.sha256(value.encode("utf-8"))
    return digest.hexdigest()


def compose_greeting(recipient):
    """The first line of the welcome message."""
    return f"{GREETING}, {recipient}!"


def welcome_customer(recipient):
    """Build the welcome message for a new customer and hand it to notify."""
    message = compose_greeting(recipient)
    if len(message) > MAX_MESSAGE:
        message = message[:MAX_MESSAGE]
    send_welcome(message)
    return True


def write_export(path, customers):
    """Append one line per customer to the birthday campaign's export file."""
    out = open(path, "a", encoding="utf-8")
    try:
        for customer in customers:
            row = "%s;%s\n" % (customer.tier, customer.date_of_birth)
            out.write(row)
    finally:
        out.close()
    logger.info("exported %d customers to %s", len(customers), path)
