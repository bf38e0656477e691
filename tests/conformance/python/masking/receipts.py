"""Receipts show the card's last four digits, never the number."""
import logging
import re

log = logging.getLogger(__name__)


def _last_four(card_number):
    return card_number[-4:]


def receipt(card_number, email):
    log.info("charged card ending %s", card_number[-4:])
    log.info("charged card %s", "*" * 12 + _last_four(card_number))
    log.info("receipt sent to %s***", email[:2])
    log.info("receipt sent to %s", email)  # expect: pii-to-log user.contact.email
    log.debug("card %s", card_number[4:])  # expect: pii-to-log user.financial.credit_card
    log.info("card %s", re.sub(r"\d(?=\d{4})", "*", card_number))
    log.info("mail %s", re.sub(r"[^@]", "x", email))
    log.info("mail %s", email.replace("@", " at "))  # expect: pii-to-log user.contact.email
